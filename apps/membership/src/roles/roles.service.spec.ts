import { Outbox } from '@cohort/outbox';
import { callBy, newTestService, sentEvents, written } from '@cohort/testing';

import { givenMembers, rosterState } from '../../test/members.fixture';
import { GroupContextLoader } from '../members/group-context.loader';
import { MemberRepository, type RoleChange } from '../members/member.repository';
import { RosterRepository } from '../roster/roster.repository';
import { RolesService } from './roles.service';

const owner = callBy('1');
const KEY = { appId: 'app', groupId: 'g1' };

function setup(roles: Record<string, 'admin' | 'member'> = { '2': 'member', '3': 'admin', '4': 'member' }) {
  const t = newTestService(RolesService, { real: [GroupContextLoader] });
  givenMembers(t, { roles });
  const members = t.mock(MemberRepository);
  const rosters = t.mock(RosterRepository);
  members.changeRoles.mockImplementation(async (_key, changes: RoleChange[]) =>
    written(new Set(changes.map((c) => c.userId)), ...changes.map((c) => c.event)),
  );
  rosters.reserveAdmins.mockResolvedValue(true);
  rosters.find.mockResolvedValue(rosterState());
  rosters.transferOwner.mockImplementation(async (...args) => written(true, args[4]));
  return { ...t, members, rosters, outbox: t.mock(Outbox) };
}

describe('RolesService.addAdmins', () => {
  it('promotes members, keeps admins (idempotent), refuses the owner and non-members per item, in request order', async () => {
    const { service, rosters, outbox } = setup();
    const results = await service.addAdmins(owner, { groupId: 'g1', userIds: ['2', '3', '1', '9', '2'] });
    expect(results).toEqual([
      { userId: '2', ok: true },
      { userId: '3', ok: true },
      { userId: '1', ok: false, error: expect.objectContaining({ code: 'owner_protected' }) },
      { userId: '9', ok: false, error: expect.objectContaining({ code: 'not_member' }) },
      { userId: '2', ok: true },
    ]);
    expect(rosters.reserveAdmins).toHaveBeenCalledWith(KEY, 1, 99);
    expect(sentEvents(outbox)).toEqual([
      { type: 'member.role_changed', groupId: 'g1', data: { userId: '2', role: 'admin', previousRole: 'member' } },
    ]);
  });

  it('only the owner may add admins: an admin is forbidden, an outsider is not a member', async () => {
    const { service, members } = setup();
    await expect(service.addAdmins(callBy('3'), { groupId: 'g1', userIds: ['2'] })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(service.addAdmins(callBy('9'), { groupId: 'g1', userIds: ['2'] })).rejects.toMatchObject({
      code: 'not_member',
    });
    expect(members.changeRoles).not.toHaveBeenCalled();
  });

  it('the app admin acting as nobody acts as the owner', async () => {
    const { service } = setup();
    await expect(service.addAdmins(callBy(null), { groupId: 'g1', userIds: ['2'] })).resolves.toEqual([
      { userId: '2', ok: true },
    ]);
  });

  it('refuses the whole batch past the admin limit, changing nothing', async () => {
    const { service, rosters, members } = setup();
    rosters.reserveAdmins.mockResolvedValue(false);
    await expect(service.addAdmins(owner, { groupId: 'g1', userIds: ['2', '4'] })).rejects.toMatchObject({
      code: 'too_many_admins',
    });
    expect(members.changeRoles).not.toHaveBeenCalled();
  });

  it('a member whose role changed meanwhile gets conflict, and its reserved admin place is given back', async () => {
    const { service, rosters, members, outbox } = setup();
    members.changeRoles.mockImplementation(async (_key, changes: RoleChange[]) =>
      written(new Set(['2']), ...changes.filter((c) => c.userId === '2').map((c) => c.event)),
    );
    const results = await service.addAdmins(owner, { groupId: 'g1', userIds: ['2', '4'] });
    expect(results[1]).toEqual({ userId: '4', ok: false, error: expect.objectContaining({ code: 'conflict' }) });
    expect(rosters.releaseAdmins).toHaveBeenCalledWith(KEY, 1);
    expect(sentEvents(outbox).map((e) => e.data)).toEqual([expect.objectContaining({ userId: '2' })]);
  });

  it('reserves nothing when nobody is promoted', async () => {
    const { service, rosters } = setup();
    await service.addAdmins(owner, { groupId: 'g1', userIds: ['3'] });
    expect(rosters.reserveAdmins).not.toHaveBeenCalled();
  });
});

describe('RolesService.removeAdmins', () => {
  it('demotes admins, keeps members, protects the owner, and gives back the places of those demoted', async () => {
    const { service, rosters, outbox } = setup();
    const results = await service.removeAdmins(owner, { groupId: 'g1', userIds: ['3', '2', '1'] });
    expect(results.map((r) => r.ok)).toEqual([true, true, false]);
    expect(rosters.releaseAdmins).toHaveBeenCalledWith(KEY, 1);
    expect(sentEvents(outbox)).toEqual([
      { type: 'member.role_changed', groupId: 'g1', data: { userId: '3', role: 'member', previousRole: 'admin' } },
    ]);
  });

  it('only the owner may remove admins', async () => {
    const { service } = setup();
    await expect(service.removeAdmins(callBy('3'), { groupId: 'g1', userIds: ['3'] })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});

describe('RolesService.transfer', () => {
  it('moves the roster owner with its event, then the two role changes with theirs', async () => {
    const { service, rosters, outbox } = setup();
    await expect(service.transfer(owner, { groupId: 'g1', newOwnerId: '3' })).resolves.toEqual({ done: true });
    expect(rosters.transferOwner).toHaveBeenCalledWith(
      KEY,
      '1',
      '3',
      true,
      expect.objectContaining({ type: 'group.owner_transferred' }),
    );
    expect(sentEvents(outbox)).toEqual([
      { type: 'group.owner_transferred', groupId: 'g1', data: { previousOwnerId: '1', newOwnerId: '3' } },
      { type: 'member.role_changed', groupId: 'g1', data: { userId: '3', role: 'owner', previousRole: 'admin' } },
      { type: 'member.role_changed', groupId: 'g1', data: { userId: '1', role: 'member', previousRole: 'owner' } },
    ]);
  });

  it('to the owner itself is done with no write', async () => {
    const { service, rosters } = setup();
    await service.transfer(owner, { groupId: 'g1', newOwnerId: '1' });
    expect(rosters.transferOwner).not.toHaveBeenCalled();
  });

  it('refuses a non-member target, a non-owner caller, and a concurrent change of the owner', async () => {
    const { service, rosters } = setup();
    await expect(service.transfer(owner, { groupId: 'g1', newOwnerId: '9' })).rejects.toMatchObject({
      code: 'not_member',
    });
    await expect(service.transfer(callBy('3'), { groupId: 'g1', newOwnerId: '2' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    rosters.transferOwner.mockResolvedValue(written(false));
    await expect(service.transfer(owner, { groupId: 'g1', newOwnerId: '2' })).rejects.toMatchObject({
      code: 'conflict',
    });
  });
});

describe('RolesService.applyTransfer (repair after group.owner_transferred)', () => {
  it('sets both roles when the roster still names the new owner', async () => {
    const { service, rosters, members } = setup();
    rosters.find.mockResolvedValue(rosterState({ ownerId: '3' }));
    await service.applyTransfer(KEY, '1', '3');
    expect(members.setRole).toHaveBeenCalledWith(KEY, '3', 'owner', ['owner']);
    expect(members.setRole).toHaveBeenCalledWith(KEY, '1', 'member', ['member', 'admin']);
  });

  it('a later transfer wins: a late redelivery changes nothing', async () => {
    const { service, members } = setup();
    await service.applyTransfer(KEY, '1', '3');
    expect(members.setRole).not.toHaveBeenCalled();
  });
});
