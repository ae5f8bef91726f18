import type { GroupView } from '@cohort/contracts';
import { DomainError } from '@cohort/errors';
import { PeerFacts } from '@cohort/group-access';
import { callBy, newTestService, written } from '@cohort/testing';

import { givenMembers, givenRoster, rosterState, storedMember } from '../../test/members.fixture';
import { DepartureService } from './departure.service';
import { GroupContextLoader } from './group-context.loader';
import { MemberRepository } from './member.repository';
import { MembersService } from './members.service';

const KEY = { appId: 'app', groupId: 'g1' };

function setup(group: Partial<GroupView> = {}) {
  const t = newTestService(MembersService, { real: [GroupContextLoader] });
  givenMembers(t, {
    group,
    roles: { '2': 'admin', '3': 'member', '4': 'admin' },
    blocked: ['8'],
    muteEnds: { '3': 5000 },
  });
  const members = t.mock(MemberRepository);
  const departures = t.mock(DepartureService);
  departures.depart.mockImplementation(async (_ctx, _key, leavers) => new Set(leavers.map((l) => l.userId)));
  givenRoster(t, rosterState({ memberCount: 4 }));
  return { ...t, members, departures };
}

describe('MembersService reads', () => {
  it('a member lists the group keyset-paged, each with the end of its mute, and the maintained total', async () => {
    const { service, members } = setup();
    members.page.mockResolvedValue({
      items: [storedMember('1', 'owner'), storedMember('3', 'member')],
      next: { at: 1, id: '3' },
    });
    const page = await service.list(callBy('3'), { groupId: 'g1', limit: 2 });
    expect(page.items.map((m) => [m.userId, m.mutedUntil])).toEqual([
      ['1', 0],
      ['3', 5000],
    ]);
    expect(page.total).toBe(4);
    expect(page.cursor).toEqual(expect.any(String));
  });

  it('an outsider reads a public group but not a private one, and never while blocked', async () => {
    const { service, members } = setup({ public: true });
    members.page.mockResolvedValue({ items: [], next: null });
    await expect(service.list(callBy('7'), { groupId: 'g1', limit: 2 })).resolves.toMatchObject({
      items: [],
      cursor: null,
    });
    await expect(service.list(callBy('8'), { groupId: 'g1', limit: 2 })).rejects.toMatchObject({ code: 'blocked' });
    await expect(setup().service.list(callBy('7'), { groupId: 'g1', limit: 2 })).rejects.toMatchObject({
      code: 'not_member',
    });
  });

  it('the recipients view is the app admin’s only', async () => {
    const { service, members } = setup();
    members.page.mockResolvedValue({ items: [storedMember('3', 'member')], next: null });
    await expect(service.recipients(callBy('1'), { groupId: 'g1', limit: 10 })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(service.recipients(callBy(null), { groupId: 'g1', limit: 10 })).resolves.toMatchObject({
      items: [{ userId: '3' }],
      total: 4,
    });
  });

  it('by page number: the next page exists while the pages so far hold fewer than the total', async () => {
    const { service, members } = setup();
    members.pageByNumber.mockResolvedValue([storedMember('1', 'owner'), storedMember('2', 'admin')]);
    expect((await service.listByPage(callBy('3'), { groupId: 'g1', pageNumber: 1, pageSize: 2 })).cursor).toBe('2');
    expect((await service.listByPage(callBy('3'), { groupId: 'g1', pageNumber: 2, pageSize: 2 })).cursor).toBeNull();
  });

  it('profiles of the named users who are members, once each, in request order', async () => {
    const { service } = setup();
    const profiles = await service.profilesOf(callBy('3'), { groupId: 'g1', userIds: ['3', '9', '2', '3'] });
    expect(profiles.map((p) => p.userId)).toEqual(['3', '2']);
  });

  it('roles of the listed members, for other services (no read check)', async () => {
    const { service, members } = setup();
    members.findMany.mockResolvedValue(new Map([['2', storedMember('2', 'admin')]]));
    await expect(service.rolesOf(callBy('7'), { groupId: 'g1', userIds: ['2', '9'] })).resolves.toEqual({
      '2': 'admin',
    });
  });

  it('admins: the owner first, then admins in join order', async () => {
    const { service, members } = setup();
    members.findByRoles.mockResolvedValue([
      storedMember('2', 'admin'),
      storedMember('1', 'owner'),
      storedMember('4', 'admin'),
    ]);
    expect((await service.admins(callBy('3'), { groupId: 'g1' })).map((m) => m.userId)).toEqual(['1', '2', '4']);
  });

  it("joined groups: the caller's own; another user's only for the app admin; the app admin must name one", async () => {
    const { service, members } = setup();
    members.joinedBy.mockResolvedValue({ items: [storedMember('3', 'member')], total: 3 });
    await expect(service.joined(callBy('3'), { pageNumber: 1, pageSize: 1 })).resolves.toMatchObject({
      items: [{ groupId: 'g1', role: 'member' }],
      cursor: '2',
      total: 3,
    });
    expect(members.joinedBy).toHaveBeenCalledWith('app', '3', undefined, 0, 1);
    await expect(service.joined(callBy('3'), { userId: '2', pageNumber: 1, pageSize: 1 })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(service.joined(callBy(null), { pageNumber: 1, pageSize: 1 })).rejects.toMatchObject({
      code: 'invalid_parameter',
    });
    await expect(service.joined(callBy(null), { userId: '2', pageNumber: 3, pageSize: 1 })).resolves.toMatchObject({
      cursor: null,
    });
  });
});

describe('MembersService joined groups with their names', () => {
  it('names each group from its record; a group destroyed meanwhile is left out of the page', async () => {
    const { service, members, mock } = setup({ name: 'Book club' });
    const facts = mock(PeerFacts);
    const live = await facts.group(callBy('3'), { groupId: 'g1' });
    facts.group.mockImplementation(async (_ctx, { groupId }) => {
      if (groupId === 'gone') throw new DomainError('group_not_found', 'no such group');
      return groupId === 'dissolved' ? { ...live, status: 'dissolved' } : live;
    });
    members.joinedBy.mockResolvedValue({
      items: [
        storedMember('3', 'member'),
        { ...storedMember('3', 'member'), groupId: 'gone' },
        { ...storedMember('3', 'member'), groupId: 'dissolved' },
      ],
      total: 3,
    });
    const page = await service.joined(callBy('3'), { pageNumber: 1, pageSize: 3, withNames: true });
    expect(page.items.map((item) => [item.groupId, item.name])).toEqual([['g1', 'Book club']]);
  });
});

describe('MembersService one member', () => {
  it('answers the member with the end of their mute (moderation) and whether they are blocked', async () => {
    const { service } = setup();
    await expect(service.member(callBy(null), { groupId: 'g1', userId: '3' })).resolves.toEqual({
      userId: '3',
      role: 'member',
      displayName: '',
      joinedAt: 1,
      msgMuteMode: 0,
      msgPushMode: 0,
      notificationsMutedUntil: 0,
      mutedUntil: 5000,
      blocked: false,
    });
    await expect(service.member(callBy('3'), { groupId: 'g1', userId: '1' })).resolves.toMatchObject({
      role: 'owner',
      mutedUntil: 0,
    });
  });

  it('a member whose block has not expelled them yet reads as blocked', async () => {
    const { service, mock } = setup();
    mock(PeerFacts).blockedAmong.mockResolvedValue(new Set(['2']));
    await expect(service.member(callBy(null), { groupId: 'g1', userId: '2' })).resolves.toMatchObject({
      role: 'admin',
      blocked: true,
    });
  });

  it('no such member: not_found; no such group: group_not_found; an outsider reads no private group', async () => {
    const { service } = setup();
    await expect(service.member(callBy(null), { groupId: 'g1', userId: '9' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(service.member(callBy(null), { groupId: 'g2', userId: '3' })).rejects.toMatchObject({
      code: 'group_not_found',
    });
    await expect(service.member(callBy('7'), { groupId: 'g1', userId: '3' })).rejects.toMatchObject({
      code: 'not_member',
    });
  });
});

describe('MembersService own preferences', () => {
  it('a member sets its display name; an outsider is not a member', async () => {
    const { service, members } = setup();
    members.updateOwn.mockResolvedValue(written(storedMember('3', 'member')));
    await expect(service.setDisplayName(callBy('3'), { groupId: 'g1', displayName: 'Ann' })).resolves.toMatchObject({
      userId: '3',
    });
    expect(members.updateOwn.mock.lastCall?.slice(0, 3)).toEqual([KEY, '3', { displayName: 'Ann' }]);
    await expect(service.setDisplayName(callBy('7'), { groupId: 'g1', displayName: 'Ann' })).rejects.toMatchObject({
      code: 'not_member',
    });
  });

  it('notification preferences: only those given; 0 seconds unmutes; none at all is refused naming the field', async () => {
    const { service, members } = setup();
    members.updateOwn.mockResolvedValue(written(storedMember('3', 'member')));
    await service.setNotificationPrefs(callBy('3'), { groupId: 'g1', msgMuteMode: 1, notificationsMutedForSeconds: 0 });
    expect(members.updateOwn.mock.lastCall?.slice(0, 3)).toEqual([
      KEY,
      '3',
      { msgMuteMode: 1, notificationsMutedUntil: 0 },
    ]);
    await service.setNotificationPrefs(callBy('3'), { groupId: 'g1', notificationsMutedForSeconds: 60 });
    expect(members.updateOwn.mock.lastCall?.[2].notificationsMutedUntil).toBeGreaterThan(Date.now());
    // Thrown before any await: the handler's promise rejects with it.
    await expect(async () => service.setNotificationPrefs(callBy('3'), { groupId: 'g1' })).rejects.toMatchObject({
      code: 'invalid_parameter',
      details: { field: 'prefs' },
    });
  });

  it('a member who left meanwhile is not a member', async () => {
    const { service, members } = setup();
    members.updateOwn.mockResolvedValue(written(null));
    await expect(service.setDisplayName(callBy('3'), { groupId: 'g1', displayName: 'Ann' })).rejects.toMatchObject({
      code: 'not_member',
    });
  });
});

describe('MembersService.leave', () => {
  it('a member leaves with its role; the owner may not; an outsider is not a member', async () => {
    const { service, departures } = setup();
    await expect(service.leave(callBy('2'), { groupId: 'g1' })).resolves.toEqual({ done: true });
    expect(departures.depart).toHaveBeenCalledWith(expect.anything(), KEY, [{ userId: '2', role: 'admin' }], 'left');
    await expect(service.leave(callBy('1'), { groupId: 'g1' })).rejects.toMatchObject({ code: 'owner_protected' });
    await expect(service.leave(callBy('7'), { groupId: 'g1' })).rejects.toMatchObject({ code: 'not_member' });
  });

  it('a departure that lost a race is not a member', async () => {
    const { service, departures } = setup();
    departures.depart.mockResolvedValue(new Set());
    await expect(service.leave(callBy('3'), { groupId: 'g1' })).rejects.toMatchObject({ code: 'not_member' });
  });
});

describe('MembersService.kick', () => {
  it('an admin kicks members but not admins or the owner, per item in request order', async () => {
    const { service, departures } = setup();
    const results = await service.kick(callBy('2'), { groupId: 'g1', userIds: ['3', '4', '1', '9'] });
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'ok',
      'forbidden',
      'owner_protected',
      'not_member',
    ]);
    expect(departures.depart).toHaveBeenCalledWith(expect.anything(), KEY, [{ userId: '3', role: 'member' }], 'kicked');
  });

  it('the owner kicks admins too; a plain member kicks nobody', async () => {
    const { service } = setup();
    expect((await service.kick(callBy('1'), { groupId: 'g1', userIds: ['4'] }))[0].ok).toBe(true);
    await expect(service.kick(callBy('3'), { groupId: 'g1', userIds: ['4'] })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('a target that left meanwhile is reported not a member', async () => {
    const { service, departures } = setup();
    departures.depart.mockResolvedValue(new Set());
    const [result] = await service.kick(callBy('1'), { groupId: 'g1', userIds: ['3'], how: 'blocked' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_member' } });
    expect(departures.depart).toHaveBeenCalledWith(expect.anything(), KEY, expect.anything(), 'blocked');
  });
});
