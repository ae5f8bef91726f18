import { Outbox } from '@cohort/outbox';
import { callBy, newTestService, sentEvents, written } from '@cohort/testing';

import { givenMembers, givenRoster, rosterState, storedMember } from '../../test/members.fixture';
import { GroupContextLoader } from '../members/group-context.loader';
import { MemberRepository } from '../members/member.repository';
import { RosterPurger } from '../purge/roster-purger';
import { RosterRepository } from './roster.repository';
import { RosterService } from './roster.service';

const KEY = { appId: 'app', groupId: 'g1' };

function setup() {
  const t = newTestService(RosterService, { real: [GroupContextLoader] });
  givenMembers(t, { roles: { '2': 'admin', '3': 'member' } });
  const [rosters, members] = [t.mock(RosterRepository), t.mock(MemberRepository)];
  givenRoster(t);
  rosters.resize.mockResolvedValue(true);
  members.insert.mockImplementation(async (_key, _type, joining) => written(new Set(), ...joining.map((m) => m.event)));
  members.count.mockResolvedValue(3);
  return { ...t, rosters, members, outbox: t.mock(Outbox) };
}

describe('RosterService.info', () => {
  it('the group with its count and the caller’s own record', async () => {
    const { service } = setup();
    await expect(service.info(callBy('3'), { groupId: 'g1' })).resolves.toMatchObject({
      groupId: 'g1',
      memberCount: 3,
      callerMember: { userId: '3', role: 'member' },
    });
    await expect(service.info(callBy('9'), { groupId: 'g1' })).rejects.toMatchObject({ code: 'not_member' });
  });

  it('the app admin reads it without a record of its own; a group without a roster yet has no count', async () => {
    const t = setup();
    await expect(t.service.info(callBy(null), { groupId: 'g1' })).resolves.toMatchObject({
      memberCount: 3,
      callerMember: null,
    });
    givenRoster(t, null);
    await expect(t.service.info(callBy(null), { groupId: 'g1' })).resolves.toMatchObject({
      groupId: 'g1',
      callerMember: null,
    });
  });
});

describe('RosterService.initialize (create saga step)', () => {
  const command = { groupId: 'g1', ownerId: '1', memberIds: ['2', '3', '2', '1'], capacity: 10 };

  it('the owner and each member once, with member.joined events keyed for a retry, and the exact count', async () => {
    const { service, rosters, members, outbox } = setup();
    await expect(service.initialize(callBy('1'), command)).resolves.toEqual({ memberCount: 3 });
    expect(rosters.ensure).toHaveBeenCalledWith(KEY, 'group', '1', 10);
    expect(members.insert.mock.calls[0][2].map((m) => [m.userId, m.role, m.event.eventId])).toEqual([
      ['1', 'owner', 'member.joined:app:g1:1:created'],
      ['2', 'member', 'member.joined:app:g1:2:created'],
      ['3', 'member', 'member.joined:app:g1:3:created'],
    ]);
    expect(rosters.setCount).toHaveBeenCalledWith(KEY, 3, 10);
    expect(sentEvents(outbox)).toHaveLength(3);
  });

  it('for its owner only (or the app admin); never past the capacity', async () => {
    const { service, rosters } = setup();
    await expect(service.initialize(callBy('2'), command)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(service.initialize(callBy(null), { ...command, capacity: 2 })).rejects.toMatchObject({
      code: 'invalid_parameter',
      details: { field: 'memberIds' },
    });
    expect(rosters.ensure).not.toHaveBeenCalled();
  });
});

describe('RosterService.setCapacity', () => {
  it('admins resize, never below the members in; a race is retried, then conflict', async () => {
    const { service, rosters } = setup();
    await expect(service.setCapacity(callBy('2'), { groupId: 'g1', capacity: 50 })).resolves.toEqual({
      capacity: 50,
      memberCount: 3,
    });
    expect(rosters.resize).toHaveBeenCalledWith(KEY, 1000, 50);
    await expect(service.setCapacity(callBy('2'), { groupId: 'g1', capacity: 2 })).rejects.toMatchObject({
      details: { field: 'capacity' },
    });
    await expect(service.setCapacity(callBy('3'), { groupId: 'g1', capacity: 50 })).rejects.toMatchObject({
      code: 'forbidden',
    });
    rosters.resize.mockResolvedValueOnce(false);
    await expect(service.setCapacity(callBy(null), { groupId: 'g1', capacity: 50 })).resolves.toMatchObject({
      capacity: 50,
    });
    rosters.resize.mockResolvedValue(false);
    await expect(service.setCapacity(callBy(null), { groupId: 'g1', capacity: 50 })).rejects.toMatchObject({
      code: 'conflict',
    });
    rosters.find.mockResolvedValue(null);
    await expect(service.setCapacity(callBy(null), { groupId: 'g1', capacity: 50 })).rejects.toMatchObject({
      code: 'group_not_found',
    });
  });
});

describe('RosterService app-level', () => {
  it('stats and purge are the app’s (system’s) only', async () => {
    const { service, rosters, mock } = setup();
    rosters.totalMembers.mockResolvedValue(12);
    await expect(service.stats(callBy('1'))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(service.stats(callBy(null))).resolves.toEqual({ members: 12 });
    await expect(service.purge(callBy('1'), { groupId: 'g1' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(service.purge(callBy(null), { groupId: 'g1' })).resolves.toEqual({ purged: true });
    expect(mock(RosterPurger).purge).toHaveBeenCalledWith(KEY);
  });

  it('access views of the groups that exist, once each, with the named user’s record', async () => {
    const { service, rosters, members } = setup();
    rosters.findMany.mockResolvedValue(new Map([['g1', rosterState()]]));
    members.findUserIn.mockResolvedValue(new Map([['g1', storedMember('3', 'member')]]));
    const views = await service.access(callBy(null), { groupIds: ['g1', 'g2', 'g1'], userId: '3' });
    expect(views).toEqual([
      { groupId: 'g1', memberCount: 3, ownerId: '1', capacity: 1000, member: expect.objectContaining({ userId: '3' }) },
    ]);
    await expect(service.access(callBy(null), { groupIds: ['g1'] })).resolves.toEqual([
      expect.objectContaining({ groupId: 'g1', member: null }),
    ]);
    expect(members.findUserIn).toHaveBeenCalledTimes(1);
  });
});
