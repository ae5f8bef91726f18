import type { BusClient } from '@cohort/bus';
import type { ServiceEnv } from '@cohort/config';
import type { MemberRole } from '@cohort/contracts';
import { DomainError } from '@cohort/errors';
import type { ConfigService } from '@nestjs/config';

import type { StandingCache } from '../send-decision/standing-cache';
import type { StandingRepository } from '../standings/standing.repository';
import { OwnerCheckedRoles } from './owner-checked-roles';
import { ROLES_RECONCILE_BATCH, RolesReconciler } from './roles.reconciler';

type Projected = Record<string, MemberRole | null>;

/** A reconciler over the projected roles of group `g` (`projected`, by user), whose membership holds `owner`. */
function setup(projected: Projected, owner: Record<string, MemberRole>) {
  const users = Object.keys(projected);
  const standings = {
    pageWithRoles: jest.fn(async (after: number | null, limit: number) =>
      users
        .map((userId, id) => ({ id, key: { appId: 'app', groupId: 'g' }, userId, role: projected[userId] }))
        .filter(({ id }) => after === null || id > after)
        .slice(0, limit),
    ),
    apply: jest.fn(async (_key: unknown, _fact: 'role', changes: { userId: string; value: MemberRole | null }[]) => {
      for (const { userId, value } of changes) projected[userId] = value;
      return new Set(changes.map((c) => c.userId));
    }),
    get: jest.fn(async (_key: unknown, userId: string) =>
      userId in projected ? { role: { value: projected[userId], at: 1 } } : {},
    ),
  };
  const bus = {
    send: jest.fn(async (_command: unknown, _ctx: unknown, { userIds }: { userIds: string[] }) =>
      Object.fromEntries(userIds.flatMap((id) => (owner[id] ? [[id, owner[id]]] : []))),
    ),
  };
  const cache = { clear: jest.fn() };
  const config = { get: () => 10_000 } as unknown as ConfigService<ServiceEnv, true>;
  const repository = standings as unknown as StandingRepository;
  const roles = new OwnerCheckedRoles(repository, bus as unknown as BusClient);
  return {
    reconciler: new RolesReconciler(repository, roles, cache as unknown as StandingCache, config),
    roles,
    standings,
    bus,
    cache,
    projected,
  };
}

describe('RolesReconciler', () => {
  it('corrects a role membership no longer holds and one it holds that the projection missed, in one request per group', async () => {
    const { reconciler, standings, bus, cache, projected } = setup(
      { left: 'member', joined: null, same: 'admin' },
      { joined: 'member', same: 'admin' },
    );
    await reconciler.sweep();
    expect(projected).toEqual({ left: null, joined: 'member', same: 'admin' });
    expect(bus.send).toHaveBeenCalledTimes(1);
    expect(standings.apply.mock.calls[0][2].map((c) => c.userId)).toEqual(['left', 'joined']);
    expect(cache.clear).toHaveBeenCalledTimes(1);
  });

  it('changes nothing where the projection agrees', async () => {
    const { reconciler, cache } = setup({ a: 'owner', b: null }, { a: 'owner' });
    await reconciler.sweep();
    expect(cache.clear).not.toHaveBeenCalled();
  });

  it('asks about a bounded page per pass and comes round to every user', async () => {
    const projected: Projected = Object.fromEntries(
      Array.from({ length: ROLES_RECONCILE_BATCH + 5 }, (_, i) => [`u${i}`, 'member']),
    );
    const { reconciler, bus } = setup(
      projected,
      Object.fromEntries(Object.keys(projected).map((id) => [id, 'member'])),
    );
    await reconciler.sweep();
    await reconciler.sweep();
    const asked = bus.send.mock.calls.flatMap((call) => (call[2] as { userIds: string[] }).userIds);
    expect(asked).toHaveLength(ROLES_RECONCILE_BATCH + 5);
  });
});

describe('OwnerCheckedRoles (the cold read of the send decision)', () => {
  it("asks membership about a user with no projected role: stores a member's role, nothing for a stranger", async () => {
    const { roles, bus } = setup({}, { m: 'member' });
    expect(await roles.get({ appId: 'app', groupId: 'g' }, 'm')).toMatchObject({ role: { value: 'member' } });
    expect((await roles.get({ appId: 'app', groupId: 'g' }, 'stranger')).role).toBeUndefined();
    await roles.get({ appId: 'app', groupId: 'g' }, 'm');
    await roles.get({ appId: 'app', groupId: 'g' }, 'stranger');
    // The member's role is stored (asked once); the stranger is asked again (the send decision's
    // cache keeps the answer in memory): no standing document per non-member asked about.
    expect(bus.send).toHaveBeenCalledTimes(3);
  });

  it('answers what the projection holds when membership cannot be reached', async () => {
    const { roles, bus } = setup({}, {});
    bus.send.mockRejectedValueOnce(new DomainError('unavailable', 'membership is down'));
    expect(await roles.get({ appId: 'app', groupId: 'g' }, 'm')).toEqual({});
  });
});
