import { PeerFacts } from '@cohort/group-access';
import { Outbox } from '@cohort/outbox';
import { callBy, newTestService, sentEvents, written } from '@cohort/testing';

import { groupContext } from '../../test/members.fixture';
import { MemberRepository } from '../members/member.repository';
import { RosterRepository } from '../roster/roster.repository';
import { AdmissionService } from './admission.service';

const ctx = callBy('1');

function setup() {
  const { service, mock } = newTestService(AdmissionService);
  const [members, rosters, facts] = [mock(MemberRepository), mock(RosterRepository), mock(PeerFacts)];
  facts.blockedAmong.mockResolvedValue(new Set());
  rosters.reserveSlots.mockResolvedValue(true);
  members.insert.mockImplementation(async (_key, _type, joining) => written(new Set(), ...joining.map((m) => m.event)));
  members.findMany.mockResolvedValue(new Map());
  return { service, members, rosters, facts, outbox: mock(Outbox) };
}

describe('AdmissionService.admit', () => {
  it('admits newcomers once each with their member.joined events, refuses known members and blocked users without a write for them', async () => {
    const { service, members, rosters, facts, outbox } = setup();
    facts.blockedAmong.mockResolvedValue(new Set(['5']));
    const result = await service.admit(ctx, groupContext({ '2': 'member' }), ['2', '3', '3', '4', '5'], 'added');
    expect(Object.fromEntries([...result].map(([id, r]) => [id, r?.code ?? 'admitted']))).toEqual({
      '2': 'already_member',
      '3': 'admitted',
      '4': 'admitted',
      '5': 'blocked',
    });
    expect(result.get('2')?.details).toEqual({ groupId: 'g1' });
    expect(rosters.reserveSlots).toHaveBeenCalledWith({ appId: 'app', groupId: 'g1' }, 2);
    expect(members.insert.mock.calls[0][2].map((m) => m.userId)).toEqual(['3', '4']);
    expect(sentEvents(outbox).map((e) => [e.type, e.data])).toEqual([
      ['member.joined', { userId: '3', role: 'member', how: 'added' }],
      ['member.joined', { userId: '4', role: 'member', how: 'added' }],
    ]);
  });

  it('writes nothing when nobody is new', async () => {
    const { service, rosters, members } = setup();
    await service.admit(ctx, groupContext({ '2': 'member' }), ['2'], 'added');
    expect(rosters.reserveSlots).not.toHaveBeenCalled();
    expect(members.insert).not.toHaveBeenCalled();
  });

  it('a full group: members it did not know are told apart, the newcomers get group_full, nobody is inserted', async () => {
    const { service, rosters, members } = setup();
    rosters.reserveSlots.mockResolvedValue(false);
    members.findMany.mockResolvedValue(new Map([['3', {} as never]]));
    const result = await service.admit(ctx, groupContext(), ['3', '4'], 'added');
    expect(result.get('3')?.code).toBe('already_member');
    expect(result.get('4')?.code).toBe('group_full');
    expect(rosters.reserveSlots).toHaveBeenLastCalledWith(expect.anything(), 1);
    expect(members.insert).not.toHaveBeenCalled();
  });

  it('a full group whose newcomers were all members already takes no place', async () => {
    const { service, rosters, members } = setup();
    rosters.reserveSlots.mockResolvedValue(false);
    members.findMany.mockResolvedValue(new Map([['3', {} as never]]));
    const result = await service.admit(ctx, groupContext(), ['3'], 'added');
    expect(result.get('3')?.code).toBe('already_member');
    expect(rosters.reserveSlots).toHaveBeenCalledTimes(1);
  });

  it('the retry after a first refusal succeeds when only the real newcomers need places', async () => {
    const { service, rosters, members } = setup();
    rosters.reserveSlots.mockResolvedValueOnce(false).mockResolvedValueOnce(true);
    members.findMany.mockResolvedValue(new Map([['3', {} as never]]));
    const result = await service.admit(ctx, groupContext(), ['3', '4'], 'added');
    expect(result.get('4')).toBeNull();
    expect(members.insert.mock.calls[0][2].map((m) => m.userId)).toEqual(['4']);
  });

  it('a user who joined concurrently by another path is already a member, and its place goes back; its event is not sent', async () => {
    const { service, rosters, members, outbox } = setup();
    members.insert.mockImplementation(async (_key, _type, joining) =>
      written(new Set(['3']), ...joining.filter((m) => m.userId !== '3').map((m) => m.event)),
    );
    const result = await service.admit(ctx, groupContext(), ['3', '4'], 'invited');
    expect(result.get('3')?.code).toBe('already_member');
    expect(result.get('4')).toBeNull();
    expect(rosters.releaseSlots).toHaveBeenCalledWith(expect.anything(), 1);
    expect(sentEvents(outbox).map((e) => e.data)).toEqual([{ userId: '4', role: 'member', how: 'invited' }]);
  });
});

describe('AdmissionService.admitOne', () => {
  it('throws the refusal as a domain error, and resolves when admitted', async () => {
    const { service, facts } = setup();
    await expect(service.admitOne(ctx, groupContext(), '3', 'applied')).resolves.toBeUndefined();
    facts.blockedAmong.mockResolvedValue(new Set(['4']));
    await expect(service.admitOne(ctx, groupContext(), '4', 'applied')).rejects.toMatchObject({ code: 'blocked' });
  });
});
