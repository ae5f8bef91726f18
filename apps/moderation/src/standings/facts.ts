import type { MemberRole } from '@cohort/contracts';

/** What the send decision knows of a user in a group; each fact comes from one source. */
export interface UserFactValues {
  /** Membership's: the role held, null when out of the group. */
  role: MemberRole | null;
  /** Moderation's: the mute's end (ms since epoch), -1 permanent, 0 none. */
  mute: number;
  block: boolean;
  allow: boolean;
}

export interface GroupFactValues {
  /** The groups service's: true from its creation, false once destroyed. */
  life: boolean;
  /** Mute-all's end (ms since epoch), -1 permanent, null off. */
  muteAll: number | null;
}

export type UserFact = keyof UserFactValues;
export type GroupFact = keyof GroupFactValues;

export interface Fact<T> {
  value: T;
  at: number;
}

export type UserFacts = { [F in UserFact]?: Fact<UserFactValues[F]> };
export type GroupFacts = { [F in GroupFact]?: Fact<GroupFactValues[F]> };

/**
 * Whether `candidate` replaces `current`: the newer change wins, whatever order they arrive in;
 * at equal times the later arrival wins (one source's changes arrive in the order they were made).
 */
export const replaces = (current: { at: number } | undefined, candidate: { at: number }): boolean =>
  !current || candidate.at >= current.at;

export function mergeNewer<T extends Record<string, Fact<unknown> | undefined>>(into: T, from: T): void {
  for (const [name, fact] of Object.entries(from) as [keyof T, Fact<unknown> | undefined][]) {
    if (fact && replaces(into[name], fact)) into[name] = fact as T[keyof T];
  }
}
