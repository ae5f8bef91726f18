import type { ConfigService } from '@nestjs/config';
import type { BusClient } from '@cohort/bus';
import type { ServiceEnv } from '@cohort/config';
import { DomainError } from '@cohort/errors';
import type { GroupFacts } from '../standings/facts';
import { GroupFactsReconciler, RECONCILE_BATCH } from './group-facts.reconciler';
import type { GroupFactsRepository } from './group-facts.repository';
import type { StandingCache } from './standing-cache';

type Owner = Record<string, { status: string; muteAllUntil: number | null } | 'gone'>;

/** A reconciler over projected `stored` facts, whose groups service holds `owner`. */
function setup(stored: Record<string, GroupFacts>, owner: Owner) {
  const ids = Object.keys(stored);
  const groupFacts = {
    pageOfLive: jest.fn(async (after: number | null, limit: number) =>
      ids
        .map((groupId, id) => ({ id, key: { appId: 'app', groupId }, facts: stored[groupId] }))
        .filter(({ id }) => after === null || id > after)
        .slice(0, limit),
    ),
    apply: jest.fn(async () => undefined),
  };
  const bus = {
    send: jest.fn(async (_command: unknown, _ctx: unknown, { groupId }: { groupId: string }) => {
      const group = owner[groupId];
      if (group === 'gone') throw new DomainError('group_not_found', 'no such group');
      return group;
    }),
  };
  const cache = { clear: jest.fn() };
  const config = { get: () => 10_000 } as unknown as ConfigService<ServiceEnv, true>;
  const reconciler = new GroupFactsReconciler(groupFacts as unknown as GroupFactsRepository, bus as unknown as BusClient, cache as unknown as StandingCache, config);
  return { reconciler, groupFacts, bus, cache };
}

const live = (muteAll: number | null, at = 1_000): GroupFacts => ({ life: { value: true, at }, muteAll: { value: muteAll, at } });

describe('GroupFactsReconciler', () => {
  it('corrects a mute-all the groups service no longer holds, stamped with the time it asked, and drops cached decisions', async () => {
    const { reconciler, groupFacts, cache } = setup({ g1: live(-1) }, { g1: { status: 'active', muteAllUntil: null } });
    const before = Date.now();
    await reconciler.sweep();
    expect(groupFacts.apply).toHaveBeenCalledWith({ appId: 'app', groupId: 'g1' }, 'muteAll', null, expect.any(Date));
    const at = (groupFacts.apply.mock.calls[0] as unknown[])[3] as Date;
    expect(at.getTime()).toBeGreaterThanOrEqual(before);
    expect(cache.clear).toHaveBeenCalledTimes(1);
  });

  it('ends the life of a group the groups service does not know any more', async () => {
    const { reconciler, groupFacts } = setup({ g1: live(null) }, { g1: 'gone' });
    await reconciler.sweep();
    expect(groupFacts.apply).toHaveBeenCalledWith({ appId: 'app', groupId: 'g1' }, 'life', false, expect.any(Date));
  });

  it('changes nothing where the projection agrees with the owner', async () => {
    const { reconciler, groupFacts, cache } = setup({ g1: live(null), g2: live(5_000) }, { g1: { status: 'active', muteAllUntil: null }, g2: { status: 'active', muteAllUntil: 5_000 } });
    await reconciler.sweep();
    expect(groupFacts.apply).not.toHaveBeenCalled();
    expect(cache.clear).not.toHaveBeenCalled();
  });

  it('asks about a bounded page per pass and comes round to every group', async () => {
    const count = RECONCILE_BATCH + 10;
    const stored = Object.fromEntries(Array.from({ length: count }, (_, i) => [`g${i}`, live(null)]));
    const owner: Owner = Object.fromEntries(Object.keys(stored).map((id) => [id, { status: 'active', muteAllUntil: null }]));
    const { reconciler, bus } = setup(stored, owner);
    await reconciler.sweep();
    expect(bus.send).toHaveBeenCalledTimes(RECONCILE_BATCH);
    await reconciler.sweep();
    expect(bus.send).toHaveBeenCalledTimes(count);
    await reconciler.sweep(); // round again from the first
    expect(bus.send).toHaveBeenCalledTimes(count + RECONCILE_BATCH);
  });
});
