import type { BusClient } from '@cohort/bus';
import type { ServiceEnv } from '@cohort/config';
import { DomainError } from '@cohort/errors';
import type { ConfigService } from '@nestjs/config';

import type { StandingCache } from '../send-decision/standing-cache';
import type { GroupFacts } from '../standings/facts';
import { GroupFactsReconciler, RECONCILE_BATCH } from './group-facts.reconciler';
import type { GroupFactsRepository } from './group-facts.repository';
import { OwnerCheckedGroupFacts } from './owner-checked-group-facts';

type Owner = Record<string, { status: string; muteAllUntil: number | null } | 'gone'>;

/** A reconciler over projected `stored` facts, whose groups service holds `owner`. */
function setup(stored: Record<string, GroupFacts>, groups: Owner) {
  const ids = Object.keys(stored);
  const groupFacts = {
    pageOfLive: jest.fn(async (after: number | null, limit: number) =>
      ids
        .map((groupId, id) => ({ id, key: { appId: 'app', groupId }, facts: stored[groupId] }))
        .filter(({ id }) => after === null || id > after)
        .slice(0, limit),
    ),
    apply: jest.fn(async (key: { groupId: string }, fact: 'life' | 'muteAll', value: unknown, at: Date) => {
      stored[key.groupId] = { ...stored[key.groupId], [fact]: { value, at: at.getTime() } };
    }),
    get: jest.fn(async (key: { groupId: string }) => stored[key.groupId] ?? {}),
  };
  const bus = {
    send: jest.fn(async (_command: unknown, _ctx: unknown, { groupId }: { groupId: string }) => {
      const group = groups[groupId];
      if (group === 'gone') throw new DomainError('group_not_found', 'no such group');
      return group;
    }),
  };
  const cache = { clear: jest.fn() };
  const config = { get: () => 10_000 } as unknown as ConfigService<ServiceEnv, true>;
  const repository = groupFacts as unknown as GroupFactsRepository;
  const owner = new OwnerCheckedGroupFacts(repository, bus as unknown as BusClient);
  const reconciler = new GroupFactsReconciler(repository, owner, cache as unknown as StandingCache, config);
  return { reconciler, owner, groupFacts, bus, cache };
}

const live = (muteAll: number | null, at = 1_000): GroupFacts => ({
  life: { value: true, at },
  muteAll: { value: muteAll, at },
});

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
    const { reconciler, groupFacts, cache } = setup(
      { g1: live(null), g2: live(5_000) },
      { g1: { status: 'active', muteAllUntil: null }, g2: { status: 'active', muteAllUntil: 5_000 } },
    );
    await reconciler.sweep();
    expect(groupFacts.apply).not.toHaveBeenCalled();
    expect(cache.clear).not.toHaveBeenCalled();
  });

  it('asks about a bounded page per pass and comes round to every group', async () => {
    const count = RECONCILE_BATCH + 10;
    const stored = Object.fromEntries(Array.from({ length: count }, (_, i) => [`g${i}`, live(null)]));
    const owner: Owner = Object.fromEntries(
      Object.keys(stored).map((id) => [id, { status: 'active', muteAllUntil: null }]),
    );
    const { reconciler, bus } = setup(stored, owner);
    await reconciler.sweep();
    expect(bus.send).toHaveBeenCalledTimes(RECONCILE_BATCH);
    await reconciler.sweep();
    expect(bus.send).toHaveBeenCalledTimes(count);
    await reconciler.sweep(); // round again from the first
    expect(bus.send).toHaveBeenCalledTimes(count + RECONCILE_BATCH);
  });

  it('leaves a group whose creation is in progress alone (its group.created is the fact to wait for)', async () => {
    const { reconciler, groupFacts } = setup({ g1: live(null) }, { g1: { status: 'pending', muteAllUntil: null } });
    await reconciler.sweep();
    expect(groupFacts.apply).not.toHaveBeenCalled();
  });
});

describe('OwnerCheckedGroupFacts (the cold read of the send decision)', () => {
  it('asks the owner about a group missing from the projection, stores its answer, and asks no more', async () => {
    const { owner, bus } = setup({}, { g1: { status: 'active', muteAllUntil: null }, g2: 'gone' });
    expect(await owner.get({ appId: 'app', groupId: 'g1' })).toMatchObject({
      life: { value: true },
      muteAll: { value: null },
    });
    expect(await owner.get({ appId: 'app', groupId: 'g2' })).toMatchObject({ life: { value: false } });
    expect(bus.send).toHaveBeenCalledTimes(2);
    await owner.get({ appId: 'app', groupId: 'g1' });
    await owner.get({ appId: 'app', groupId: 'g2' });
    expect(bus.send).toHaveBeenCalledTimes(2);
  });

  it('answers what the projection holds when the owner cannot be reached', async () => {
    const { owner, bus } = setup({}, {});
    bus.send.mockRejectedValueOnce(new DomainError('unavailable', 'groups is down'));
    expect(await owner.get({ appId: 'app', groupId: 'g1' })).toEqual({});
  });
});
