import { GroupAccessLoader, PeerFacts } from '@cohort/group-access';
import { type GivenGroup, givenGroup, newTestService, written } from '@cohort/testing';

import { ListChanges } from '../src/standings/list-changes';
import { ReadableGroups } from '../src/standings/readable-groups';
import { type StandingList, StandingRepository } from '../src/standings/standing.repository';

/** What is on each list already: user → value (a mute's end; `true` for the block- and allowlist). */
export type Listed = Partial<Record<StandingList, Record<string, number | boolean>>>;

/**
 * A moderation service with its real access loading and list plumbing over an auto-mocked
 * StandingRepository that holds `listed` and stores every change it is given.
 */
export function moderationService<T>(Service: new (...args: never[]) => T, given: GivenGroup, listed: Listed = {}) {
  const t = newTestService(Service, { real: [GroupAccessLoader, ReadableGroups, ListChanges] });
  givenGroup(t.mock(PeerFacts), given);
  const standings = t.mock(StandingRepository);
  standings.findListed.mockImplementation(async (_key, list, userIds) =>
    userIds.flatMap((userId) => {
      const value = listed[list]?.[userId];
      return value === undefined ? [] : [{ userId, value: value as never, at: 1, by: '1' }];
    }),
  );
  standings.apply.mockImplementation(async (_key, _fact, changes) =>
    written(new Set(changes.map((c) => c.userId)), ...changes.flatMap((c) => (c.event ? [c.event] : []))),
  );
  return { ...t, standings };
}
