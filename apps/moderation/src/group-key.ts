/** The tenant and the group: every moderation query is scoped by both. */
export interface GroupKey {
  appId: string;
  groupId: string;
}

/** Keyset position in a group's list, ordered by (at, userId): stable under concurrent inserts. */
export interface ListCursor {
  at: number;
  userId: string;
}

export interface ListPage<T> {
  items: T[];
  /** Pass back as `after` for the next page; null on the last page. */
  next: ListCursor | null;
}

/** Mongo filter for "strictly after this cursor" in (at, userId) order. */
export function afterCursor(cursor: ListCursor | undefined): Record<string, unknown> {
  if (!cursor) return {};
  const at = new Date(cursor.at);
  return { $or: [{ at: { $gt: at } }, { at, userId: { $gt: cursor.userId } }] };
}

/** `fetched` holds up to limit + 1 items: the extra one only tells that another page exists. */
export function toPage<T extends ListCursor>(fetched: T[], limit: number): ListPage<T> {
  const items = fetched.slice(0, limit);
  const last = fetched.length > limit ? items[items.length - 1] : undefined;
  return { items, next: last ? { at: last.at, userId: last.userId } : null };
}
