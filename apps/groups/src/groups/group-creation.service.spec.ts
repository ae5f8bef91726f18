import type { RequestContext } from '@cohort/bus';
import type { CreateGroupCommand, GroupView } from '@cohort/contracts';
import { DomainError } from '@cohort/errors';
import { Outbox } from '@cohort/outbox';
import { newTestService, sentEvents, written } from '@cohort/testing';

import { MembershipClient } from '../peers/membership.client';
import { SuperAdminRepository } from '../super-admins/super-admin.repository';
import { GroupRepository } from './group.repository';
import { GroupCreationService } from './group-creation.service';

const ctx = (userId: string | null, isAppAdmin = false): RequestContext => ({
  caller: { appId: 'app', userId, isAppAdmin },
  requestId: 'req-1',
});
const command = (overrides: Partial<CreateGroupCommand> = {}): CreateGroupCommand => ({
  type: 'group',
  memberIds: ['2', '3', '2', '1'],
  name: 'g',
  ...overrides,
});

function setup() {
  const { service, mock } = newTestService(GroupCreationService);
  const [groups, membership, outbox, superAdmins] = [
    mock(GroupRepository),
    mock(MembershipClient),
    mock(Outbox),
    mock(SuperAdminRepository),
  ];
  const stored: GroupView[] = [];
  groups.insertPending.mockImplementation(async (_appId, g) => {
    if (stored.some((s) => s.groupId === g.groupId))
      throw Object.assign(new Error('E11000 duplicate key'), { code: 11000 });
    const view: GroupView = { ...g, status: 'pending', muteAllUntil: null, createdAt: 1, updatedAt: 1 };
    stored.push(view);
    return view;
  });
  groups.find.mockImplementation(async ({ groupId }) => stored.find((g) => g.groupId === groupId) ?? null);
  groups.activate.mockImplementation(async ({ groupId }, event) => {
    const found = stored.find((g) => g.groupId === groupId && g.status === 'pending');
    if (found) found.status = 'active';
    return found ? written({ ...found }, event) : written(null);
  });
  groups.abandon.mockImplementation(async ({ groupId }) => {
    const found = stored.find((g) => g.groupId === groupId && (g.status === 'pending' || g.status === 'abandoned'));
    if (found) found.status = 'abandoned';
    return found !== undefined;
  });
  membership.initializeRoster.mockImplementation(async (_c, _g, _t, _o, memberIds) => ({
    memberCount: memberIds.length + 1,
  }));
  membership.purgeRoster.mockResolvedValue({ purged: true });
  membership.accessTo.mockImplementation(
    async (_c, ids) =>
      new Map(ids.map((id) => [id, { groupId: id, memberCount: 3, ownerId: '1', capacity: 1000, member: null }])),
  );
  superAdmins.isSuperAdmin.mockResolvedValue(false);
  return { service, groups, membership, outbox, superAdmins };
}

describe('GroupCreationService.create', () => {
  it('stores pending, initializes the roster without duplicates or the owner, activates with its event, then sends it', async () => {
    const { service, groups, membership, outbox } = setup();
    const info = await service.create(ctx('1'), command());
    expect(membership.initializeRoster).toHaveBeenCalledWith(
      expect.anything(),
      info.groupId,
      'group',
      '1',
      ['2', '3'],
      1000,
    );
    expect(outbox.prepare).toHaveBeenCalledWith(
      'group.created',
      expect.anything(),
      info.groupId,
      expect.objectContaining({ ownerId: '1', memberCount: 3 }),
      info.groupId,
    );
    const event = outbox.prepare.mock.results[0].value;
    expect(groups.activate).toHaveBeenCalledWith({ appId: 'app', groupId: info.groupId }, event);
    expect(sentEvents(outbox)).toEqual([{ type: 'group.created', groupId: info.groupId, data: event.data }]);
    expect(info).toMatchObject({ status: 'active', ownerId: '1', memberCount: 3, capacity: 1000 });
    expect(info.settings.applyApproval).toBe(1);
  });

  it('rolls back (claim the record, purge the roster; the sweep deletes it later) and rethrows when membership fails', async () => {
    const { service, groups, membership, outbox } = setup();
    membership.initializeRoster.mockRejectedValueOnce(new DomainError('unavailable', 'down'));
    await expect(service.create(ctx('1'), command())).rejects.toMatchObject({ code: 'unavailable' });
    expect(groups.abandon).toHaveBeenCalled();
    expect(membership.purgeRoster).toHaveBeenCalled();
    expect(groups.deletePending).not.toHaveBeenCalled();
    expect(groups.activate).not.toHaveBeenCalled();
    expect(sentEvents(outbox)).toEqual([]);
  });

  it('deletes the pending record at once when membership never got the request', async () => {
    const { service, groups, membership } = setup();
    membership.initializeRoster.mockRejectedValueOnce(new DomainError('unavailable', 'down', { notDelivered: true }));
    await expect(service.create(ctx('1'), command())).rejects.toMatchObject({ code: 'unavailable' });
    expect(membership.purgeRoster).not.toHaveBeenCalled();
    expect(groups.deletePending).toHaveBeenCalled();
  });

  it('a rollback racing the activation: whichever claims the record first wins, the other changes nothing', async () => {
    const { service, groups, membership } = setup();
    const info = await service.create(ctx('1'), command());
    await service.rollBack(ctx('1'), info.groupId);
    expect(membership.purgeRoster).not.toHaveBeenCalled();

    membership.initializeRoster.mockImplementationOnce(async (c: RequestContext, groupId: string) => {
      await service.rollBack(c, groupId); // the sweep claims it while the roster is being set up
      return { memberCount: 3 };
    });
    await expect(service.create(ctx('1'), command())).rejects.toMatchObject({ code: 'conflict' });
    expect(membership.purgeRoster).toHaveBeenCalledTimes(1);
    expect(groups.activate).toHaveBeenCalledTimes(2);
  });

  it('refuses more users than the capacity allows, before writing anything', async () => {
    const { service, groups } = setup();
    const memberIds = Array.from({ length: 1000 }, (_, i) => String(i + 10));
    await expect(service.create(ctx('1'), command({ memberIds }))).rejects.toMatchObject({ code: 'invalid_parameter' });
    expect(groups.insertPending).not.toHaveBeenCalled();
  });

  it('needs an owner when an app admin creates without acting as a user', async () => {
    const { service, groups } = setup();
    await expect(service.create(ctx(null, true), command())).rejects.toMatchObject({
      code: 'invalid_parameter',
      message: expect.stringContaining('ownerId'),
    });
    expect(groups.insertPending).not.toHaveBeenCalled();
  });

  it('lets only super admins create chatrooms with a user token', async () => {
    const { service, superAdmins } = setup();
    await expect(service.create(ctx('1'), command({ type: 'chatroom' }))).rejects.toMatchObject({ code: 'forbidden' });
    superAdmins.isSuperAdmin.mockResolvedValueOnce(true);
    const room = await service.create(ctx('1'), command({ type: 'chatroom' }));
    expect(room).toMatchObject({ type: 'chatroom', public: true });
    expect(room.settings.applyApproval).toBe(0);
  });

  describe('under an id the creator chose (Mixin conversations)', () => {
    const CHOSEN = '928c5c40-769c-3e97-8387-fb1ae0645311';

    it('creates it under that id, its creator recorded', async () => {
      const { service } = setup();
      const info = await service.create(ctx('1'), command({ groupId: CHOSEN }));
      expect(info).toMatchObject({ groupId: CHOSEN, ownerId: '1', creatorId: '1', status: 'active' });
    });

    it('the same creator again answers the existing group without a second roster; another creator gets conflict', async () => {
      const { service, membership } = setup();
      await service.create(ctx('1'), command({ groupId: CHOSEN }));
      const again = await service.create(ctx('1'), command({ groupId: CHOSEN, name: 'other', memberIds: ['9'] }));
      expect(again).toMatchObject({ groupId: CHOSEN, name: 'g' });
      expect(membership.initializeRoster).toHaveBeenCalledTimes(1);
      await expect(service.create(ctx('2'), command({ groupId: CHOSEN }))).rejects.toMatchObject({ code: 'conflict' });
    });
  });
});
