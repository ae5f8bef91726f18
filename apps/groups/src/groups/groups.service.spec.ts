import type { AccessView, DomainEvent, GroupView, MemberRole } from '@cohort/contracts';
import { DomainError } from '@cohort/errors';
import { PeerFacts } from '@cohort/group-access';
import { Outbox } from '@cohort/outbox';
import { callBy, givenGroup, groupView, newTestService, sentEvents, written } from '@cohort/testing';

import { MembershipClient } from '../peers/membership.client';
import { GroupRepository } from './group.repository';
import { GroupsService } from './groups.service';

const KEY = { appId: 'app', groupId: 'g1' };
const ROLES: Record<string, MemberRole> = { '2': 'admin', '3': 'member' };

function setup(group: Partial<GroupView> = {}) {
  const t = newTestService(GroupsService);
  const view = givenGroup(t.mock(PeerFacts), { group, roles: ROLES, blocked: ['8'] });
  const groups = t.mock(GroupRepository);
  groups.findActive.mockImplementation(async ({ groupId }) => (groupId === view.groupId ? view : null));
  groups.findActiveMany.mockImplementation(async (_appId, ids) => (ids.includes(view.groupId) ? [view] : []));
  for (const write of ['updateProfile', 'updateSettings', 'setCapacity', 'setMuteAll', 'markDestroyed'] as const)
    groups[write].mockImplementation(async (...args) => written(view, args[args.length - 1] as DomainEvent));
  return { ...t, view, groups, membership: t.mock(MembershipClient), outbox: t.mock(Outbox) };
}

describe('GroupsService.state', () => {
  it('the active record for other services; missing or of the other kind is group_not_found', async () => {
    const { service, view } = setup();
    await expect(service.state(callBy(null), { groupId: 'g1' })).resolves.toBe(view);
    await expect(service.state(callBy(null), { groupId: 'g1', groupType: 'chatroom' })).rejects.toMatchObject({
      code: 'group_not_found',
    });
    await expect(service.state(callBy(null), { groupId: 'nope' })).rejects.toMatchObject({ code: 'group_not_found' });
  });
});

describe('GroupsService.getMany', () => {
  const access = (role: MemberRole | null): Map<string, AccessView> =>
    new Map([
      [
        'g1',
        {
          groupId: 'g1',
          memberCount: 3,
          ownerId: '1',
          capacity: 1000,
          member: role ? ({ role } as AccessView['member']) : null,
        },
      ],
    ]);

  it('members read a private group, once, with its count; missing ids are left out', async () => {
    const { service, membership } = setup();
    membership.accessTo.mockResolvedValue(access('member'));
    const infos = await service.getMany(callBy('3'), { groupIds: ['g1', 'nope', 'g1'] });
    expect(infos).toEqual([expect.objectContaining({ groupId: 'g1', memberCount: 3 })]);
  });

  it('outsiders: a private group is left out; a public one is read unless they are blocked', async () => {
    const { service, membership } = setup();
    membership.accessTo.mockResolvedValue(access(null));
    await expect(service.getMany(callBy('9'), { groupIds: ['g1'] })).resolves.toEqual([]);
    const open = setup({ public: true });
    open.membership.accessTo.mockResolvedValue(access(null));
    await expect(open.service.getMany(callBy('9'), { groupIds: ['g1'] })).resolves.toHaveLength(1);
    await expect(open.service.getMany(callBy('8'), { groupIds: ['g1'] })).resolves.toEqual([]);
  });
});

describe('GroupsService.updateProfile', () => {
  it('an admin edits the fields given, with group.updated naming only them', async () => {
    const { service, groups, outbox } = setup();
    await service.updateProfile(callBy('2'), { groupId: 'g1', name: 'new', description: undefined });
    expect(groups.updateProfile).toHaveBeenCalledWith(
      KEY,
      { name: 'new' },
      expect.objectContaining({ type: 'group.updated' }),
    );
    expect(sentEvents(outbox)).toEqual([{ type: 'group.updated', groupId: 'g1', data: { changed: { name: 'new' } } }]);
  });

  it('nothing to update is refused naming the field, before any read', async () => {
    const { service, groups } = setup();
    await expect(service.updateProfile(callBy('2'), { groupId: 'g1' })).rejects.toMatchObject({
      code: 'invalid_parameter',
      details: { field: 'profile' },
    });
    expect(groups.findActive).not.toHaveBeenCalled();
  });

  it('a member edits only when member_modify is on; an outsider never', async () => {
    await expect(setup().service.updateProfile(callBy('3'), { groupId: 'g1', name: 'x' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    const modifiable = setup({ settings: { ...groupView().settings, memberModify: true } });
    await expect(modifiable.service.updateProfile(callBy('3'), { groupId: 'g1', name: 'x' })).resolves.toBeDefined();
    await expect(modifiable.service.updateProfile(callBy('9'), { groupId: 'g1', name: 'x' })).rejects.toMatchObject({
      code: 'not_member',
    });
  });

  it('a chatroom name is at most 128 characters', async () => {
    const { service } = setup({ type: 'chatroom' });
    await expect(service.updateProfile(callBy('2'), { groupId: 'g1', name: 'x'.repeat(129) })).rejects.toMatchObject({
      code: 'invalid_parameter',
      details: { field: 'name' },
    });
  });

  it('destroyed meanwhile is group_not_found, and nothing is sent', async () => {
    const { service, groups, outbox } = setup();
    groups.updateProfile.mockResolvedValue(written(null));
    await expect(service.updateProfile(callBy('2'), { groupId: 'g1', name: 'x' })).rejects.toMatchObject({
      code: 'group_not_found',
    });
    expect(sentEvents(outbox)).toEqual([]);
  });
});

describe('GroupsService.updateSettings', () => {
  it('admins only, with group.settings_changed naming the settings changed', async () => {
    const { service, outbox } = setup();
    await expect(service.updateSettings(callBy('3'), { groupId: 'g1', memberInvite: false })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await service.updateSettings(callBy('2'), { groupId: 'g1', memberInvite: false, applyApproval: 2 });
    expect(sentEvents(outbox)).toEqual([
      { type: 'group.settings_changed', groupId: 'g1', data: { changed: { applyApproval: 2, memberInvite: false } } },
    ]);
    await expect(service.updateSettings(callBy('2'), { groupId: 'g1' })).rejects.toMatchObject({
      details: { field: 'settings' },
    });
  });
});

describe('GroupsService.setCapacity', () => {
  it('membership resizes first; its refusal changes nothing here', async () => {
    const { service, groups, membership, outbox } = setup();
    await service.setCapacity(callBy('2'), { groupId: 'g1', capacity: 500 });
    expect(membership.setCapacity).toHaveBeenCalledWith(expect.anything(), 'g1', 500);
    expect(sentEvents(outbox)).toEqual([
      { type: 'group.updated', groupId: 'g1', data: { changed: { capacity: 500 } } },
    ]);
    membership.setCapacity.mockRejectedValue(new DomainError('invalid_parameter', 'below the member count'));
    await expect(service.setCapacity(callBy('2'), { groupId: 'g1', capacity: 1 })).rejects.toMatchObject({
      code: 'invalid_parameter',
    });
    expect(groups.setCapacity).toHaveBeenCalledTimes(1);
  });
});

describe('GroupsService.setMuteAll', () => {
  it('admins mute all for minutes, for good (negative) or lift it (0)', async () => {
    const { service, groups, outbox } = setup();
    await service.setMuteAll(callBy('2'), { groupId: 'g1', durationMs: -1 });
    await service.setMuteAll(callBy('2'), { groupId: 'g1', durationMs: 0 });
    await service.setMuteAll(callBy('2'), { groupId: 'g1', durationMs: 600_000 });
    expect(groups.setMuteAll.mock.calls.map((c) => c[1])).toEqual([-1, null, expect.any(Number)]);
    expect(sentEvents(outbox).map((e) => e.type)).toEqual([
      'group.mute_all_changed',
      'group.mute_all_changed',
      'group.mute_all_changed',
    ]);
    await expect(service.setMuteAll(callBy('3'), { groupId: 'g1', durationMs: 600_000 })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});

describe('GroupsService.destroy', () => {
  it('the owner (or the app admin) destroys it (group.destroyed); an admin may not', async () => {
    const { service, outbox } = setup();
    await expect(service.destroy(callBy('2'), { groupId: 'g1' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(service.destroy(callBy('1'), { groupId: 'g1' })).resolves.toEqual({ destroyed: true });
    await expect(service.destroy(callBy(null), { groupId: 'g1' })).resolves.toEqual({ destroyed: true });
    expect(sentEvents(outbox)[0]).toEqual({
      type: 'group.destroyed',
      groupId: 'g1',
      data: { type: 'group', ownerId: '1' },
    });
  });

  it('destroyed twice: the second finds nothing to destroy', async () => {
    const { service, groups } = setup();
    groups.markDestroyed.mockResolvedValue(written(null));
    await expect(service.destroy(callBy('1'), { groupId: 'g1' })).rejects.toMatchObject({ code: 'group_not_found' });
  });

  it('a route naming the other kind does not find it', async () => {
    const { service } = setup();
    await expect(service.destroy(callBy('1'), { groupId: 'g1', groupType: 'chatroom' })).rejects.toMatchObject({
      code: 'group_not_found',
    });
  });
});

describe('GroupsService.followOwnerTransfer', () => {
  it('moves the owner only from the one it names', async () => {
    const { service, groups } = setup();
    await service.followOwnerTransfer(KEY, '1', '3');
    expect(groups.setOwner).toHaveBeenCalledWith(KEY, '1', '3');
  });
});
