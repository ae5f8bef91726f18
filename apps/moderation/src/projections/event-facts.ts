import type { DomainEvent, EventMap, EventType } from '@cohort/contracts';

import type { GroupFact, GroupFactValues, UserFact, UserFactValues } from '../standings/facts';

export type FactOfEvent =
  | { [F in GroupFact]: { about: 'group'; fact: F; value: GroupFactValues[F] } }[GroupFact]
  | { [F in UserFact]: { about: 'user'; userId: string; fact: F; value: UserFactValues[F] } }[UserFact];

const group = <F extends GroupFact>(fact: F, value: GroupFactValues[F]): FactOfEvent =>
  ({ about: 'group', fact, value }) as FactOfEvent;
const user = <F extends UserFact>(userId: string, fact: F, value: UserFactValues[F]): FactOfEvent =>
  ({ about: 'user', userId, fact, value }) as FactOfEvent;

/** Facts take the event's time, so the newest wins whatever order events arrive in. */
const FACTS_OF = {
  'group.created': (d) => [group('life', true), group('muteAll', d.muteAllUntil)],
  'group.mute_all_changed': (d) => [group('muteAll', d.until)],
  'group.destroyed': () => [group('life', false)],
  // Membership sends the two role changes after this; this alone must leave the roles right.
  'group.owner_transferred': (d) => [user(d.previousOwnerId, 'role', 'member'), user(d.newOwnerId, 'role', 'owner')],
  'member.joined': (d) => [user(d.userId, 'role', d.role)],
  // Leaving (any way) also takes the user off the allowlist; a mute outlives it.
  'member.left': (d) => [user(d.userId, 'role', null), user(d.userId, 'allow', false)],
  'member.role_changed': (d) => [user(d.userId, 'role', d.role)],
  'member.muted': (d) => [user(d.userId, 'mute', d.until)],
  'member.unmuted': (d) => [user(d.userId, 'mute', 0)],
  'member.blocked': (d) => [user(d.userId, 'block', true)],
  'member.unblocked': (d) => [user(d.userId, 'block', false)],
  'member.allowlisted': (d) => [user(d.userId, 'allow', true)],
  'member.unallowlisted': (d) => [user(d.userId, 'allow', false)],
} satisfies { [K in EventType]?: (data: EventMap[K]) => FactOfEvent[] };

export type FactEvent = keyof typeof FACTS_OF;

export const FACT_EVENTS = Object.keys(FACTS_OF) as FactEvent[];

/** Already stored when they are sent: not projected. */
export const OWN_EVENTS: readonly FactEvent[] = [
  'member.muted',
  'member.unmuted',
  'member.blocked',
  'member.unblocked',
  'member.allowlisted',
  'member.unallowlisted',
];

export function isFactEvent(type: string): type is FactEvent {
  return Object.prototype.hasOwnProperty.call(FACTS_OF, type);
}

export function factsOf(event: DomainEvent): { at: number; facts: FactOfEvent[] } {
  if (!isFactEvent(event.type)) return { at: 0, facts: [] };
  const of = FACTS_OF[event.type] as (data: unknown) => FactOfEvent[];
  return { at: Date.parse(event.occurredAt), facts: of(event.data) };
}
