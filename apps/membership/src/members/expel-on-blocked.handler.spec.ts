import type { DomainEvent } from '@cohort/contracts';

import type { DepartureService } from './departure.service';
import { ExpelOnBlocked } from './expel-on-blocked.handler';
import type { MemberRepository } from './member.repository';

const blockedAt = '2026-12-04T10:00:00.000Z';
const event = {
  appId: 'app',
  groupId: 'g1',
  occurredAt: blockedAt,
  correlationId: 'req-1',
  actor: { userId: 'owner', isAppAdmin: false },
  data: { userId: 'u1' },
} as DomainEvent<'member.blocked'>;

const at = (ms: number) => jest.spyOn(Date, 'now').mockReturnValue(Date.parse(blockedAt) + ms);

function setup(member?: { role: string; joinedAt: string }) {
  const stored = member
    ? new Map([['u1', { userId: 'u1', role: member.role, joinedAt: Date.parse(member.joinedAt) }]])
    : new Map();
  const members = { findMany: jest.fn(async () => stored) };
  const departures = { depart: jest.fn(async () => new Set(['u1'])) };
  return {
    handler: new ExpelOnBlocked(members as unknown as MemberRepository, departures as unknown as DepartureService),
    departures,
  };
}

describe('ExpelOnBlocked (repair of a block whose expel failed)', () => {
  beforeEach(() => at(60_000));
  afterEach(() => jest.restoreAllMocks());

  it('removes a blocked user still in the group, as blocked', async () => {
    const { handler, departures } = setup({ role: 'admin', joinedAt: '2026-12-01T00:00:00Z' });
    await handler.handle(event);
    expect(departures.depart).toHaveBeenCalledWith(
      { caller: { appId: 'app', userId: 'owner', isAppAdmin: false }, requestId: 'req-1' },
      { appId: 'app', groupId: 'g1' },
      [{ userId: 'u1', role: 'admin' }],
      'blocked',
    );
  });

  it('does nothing when they are gone already, for the owner, or for someone who joined after the block', async () => {
    for (const member of [
      undefined,
      { role: 'owner', joinedAt: '2026-12-01T00:00:00Z' },
      { role: 'member', joinedAt: '2026-12-04T11:00:00Z' },
    ]) {
      const { handler, departures } = setup(member);
      await handler.handle(event);
      expect(departures.depart).not.toHaveBeenCalled();
    }
  });

  it('lets the block’s own expel go first: a young event is handled later', async () => {
    const { handler, departures } = setup({ role: 'member', joinedAt: '2026-12-01T00:00:00Z' });
    at(1_000);
    await expect(handler.handle(event)).rejects.toEqual(expect.objectContaining({ delayMs: 2_000 }));
    expect(departures.depart).not.toHaveBeenCalled();
  });
});
