/**
 * Keyset paging in (time, id) order — stable while rows are inserted and removed, and an index
 * seek on `(appId, groupId, time, id)` instead of skip/limit over the whole set.
 */
export interface KeysetCursor {
  /** ms since epoch of the last item returned. */
  at: number;
  /** Its id: breaks ties between equal times. */
  id: string;
}

export interface KeysetPage<T> {
  items: T[];
  /** Pass back for the next page; null on the last page. */
  next: KeysetCursor | null;
}

export interface KeysetOrder {
  timeField: string;
  idField: string;
  /** 1 oldest first, -1 newest first. */
  direction: 1 | -1;
}

/** The filter for "strictly past the cursor" and the sort that goes with it. */
export function keysetQuery(
  order: KeysetOrder,
  cursor?: KeysetCursor,
): { filter: Record<string, unknown>; sort: Record<string, 1 | -1> } {
  const past = order.direction === 1 ? '$gt' : '$lt';
  const filter = cursor
    ? {
        $or: [
          { [order.timeField]: { [past]: new Date(cursor.at) } },
          { [order.timeField]: new Date(cursor.at), [order.idField]: { [past]: cursor.id } },
        ],
      }
    : {};
  return { filter, sort: { [order.timeField]: order.direction, [order.idField]: order.direction } };
}

/** `fetched` holds up to limit + 1 items: the extra one only says that another page exists. */
export function toKeysetPage<T>(fetched: T[], limit: number, cursorOf: (item: T) => KeysetCursor): KeysetPage<T> {
  const items = fetched.slice(0, limit);
  const last = fetched.length > limit ? items[items.length - 1] : undefined;
  return { items, next: last ? cursorOf(last) : null };
}
