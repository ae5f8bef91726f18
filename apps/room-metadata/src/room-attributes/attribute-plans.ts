import {
  type ErrorPayload,
  type EventMap,
  Limits,
  ROOM_ATTRIBUTE_KEY_PATTERN,
  type RoomAttributesOutcome,
  type RoomAttributeView,
} from '@cohort/contracts';

// What a call does to a room's attributes, decided from the attributes as read: pure functions,
// so that the same decision can be made again on a fresher read when a concurrent write won.

export type StoredAttribute = RoomAttributeView;

export interface RoomChange {
  next: StoredAttribute[];
  event: EventMap['room_attributes.changed'];
}

export interface Planned<T> {
  result: T;
  change: RoomChange | null;
}

export interface SetRequest {
  userId: string;
  attributes: Record<string, string>;
  removeOnLeave: boolean;
  forced: boolean;
}

export interface RemoveRequest {
  /** null: the app admin itself, who owns no key. */
  userId: string | null;
  keys: string[];
  forced: boolean;
}

const invalidKey = (): ErrorPayload => ({
  code: 'invalid_parameter',
  message: `key: must be 1 to ${Limits.roomAttributeKeyMax} characters of A-Z, a-z, 0-9, "_", "." and "-"`,
});
const ownedByOther = (key: string): ErrorPayload => ({
  code: 'forbidden',
  message: `key ${key} is owned by another member`,
});

/** Characters as users count them (a surrogate pair is one), as the attribute limits mean. */
const lengthOf = (value: string): number => [...value].length;

function setRefusal(
  key: string,
  value: string,
  existing: StoredAttribute | undefined,
  request: SetRequest,
  held: number,
): ErrorPayload | null {
  if (!ROOM_ATTRIBUTE_KEY_PATTERN.test(key)) return invalidKey();
  if (lengthOf(value) > Limits.roomAttributeValueMax)
    return { code: 'invalid_parameter', message: `value: must be at most ${Limits.roomAttributeValueMax} characters` };
  if (existing && existing.ownerId !== request.userId && !request.forced) return ownedByOther(key);
  if (!existing && held >= Limits.roomAttributesPerRoom) {
    return {
      code: 'forbidden',
      message: `the chatroom has ${Limits.roomAttributesPerRoom} attributes, the most it may have`,
    };
  }
  return null;
}

/** A key fails alone: the others of the call are still set. */
export function planSet(current: StoredAttribute[], request: SetRequest, now: number): Planned<RoomAttributesOutcome> {
  const byKey = new Map(current.map((a) => [a.key, a]));
  const outcome: RoomAttributesOutcome = { done: [], failed: [] };
  const set: [string, string][] = [];
  for (const [key, value] of Object.entries(request.attributes)) {
    const refusal = setRefusal(key, value, byKey.get(key), request, byKey.size);
    if (refusal) {
      outcome.failed.push({ key, error: refusal });
      continue;
    }
    // An overwrite keeps the key's place; a new key comes last.
    byKey.set(key, { key, value, ownerId: request.userId, removeOnLeave: request.removeOnLeave, updatedAt: now });
    outcome.done.push(key);
    set.push([key, value]);
  }
  if (set.length === 0) return { result: outcome, change: null };
  const { userId, forced, removeOnLeave } = request;
  return {
    result: outcome,
    change: {
      next: [...byKey.values()],
      event: { userId, how: 'set', forced, set: Object.fromEntries(set), removed: [], removeOnLeave },
    },
  };
}

/** A key that is not there is done already, so a retried call answers the same. */
export function planRemove(current: StoredAttribute[], request: RemoveRequest): Planned<RoomAttributesOutcome> {
  const byKey = new Map(current.map((a) => [a.key, a]));
  const outcome: RoomAttributesOutcome = { done: [], failed: [] };
  const removed: string[] = [];
  for (const key of new Set(request.keys)) {
    const existing = byKey.get(key);
    const refusal = !ROOM_ATTRIBUTE_KEY_PATTERN.test(key)
      ? invalidKey()
      : existing && existing.ownerId !== request.userId && !request.forced
        ? ownedByOther(key)
        : null;
    if (refusal) {
      outcome.failed.push({ key, error: refusal });
      continue;
    }
    if (existing) {
      byKey.delete(key);
      removed.push(key);
    }
    outcome.done.push(key);
  }
  if (removed.length === 0) return { result: outcome, change: null };
  const event = { userId: request.userId, how: 'removed' as const, forced: request.forced, set: {}, removed };
  return { result: outcome, change: { next: [...byKey.values()], event } };
}

/** Attributes set after `leftAt` stay: the member joined again before this departure was handled. */
export function planOwnerLeft(current: StoredAttribute[], userId: string, leftAt: number): Planned<string[]> {
  const leaving = (a: StoredAttribute) => a.ownerId === userId && a.removeOnLeave && a.updatedAt <= leftAt;
  const removed = current.filter(leaving).map((a) => a.key);
  if (removed.length === 0) return { result: [], change: null };
  const event = { userId, how: 'owner_left' as const, forced: false, set: {}, removed };
  return { result: removed, change: { next: current.filter((a) => !leaving(a)), event } };
}
