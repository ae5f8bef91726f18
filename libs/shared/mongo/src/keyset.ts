import type { FilterQuery, Model } from 'mongoose';
/** Stable while rows come and go, and an index seek on `(appId, groupId, time, id)` instead of skip/limit. */
export interface KeysetCursor {
  at: number;
  /** Breaks ties between equal times. */
  id: string;
}

export interface KeysetPage<T> {
  items: T[];
  next: KeysetCursor | null;
}

export interface KeysetOrder {
  timeField: string;
  idField: string;
  direction: 1 | -1;
}

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

/** The extra item only says that another page exists. */
export function toKeysetPage<T>(fetched: T[], limit: number, cursorOf: (item: T) => KeysetCursor): KeysetPage<T> {
  const items = fetched.slice(0, limit);
  const last = fetched.length > limit ? items[items.length - 1] : undefined;
  return { items, next: last ? cursorOf(last) : null };
}

export async function findKeysetPage<D, T>(
  model: Model<D>,
  page: { filter: FilterQuery<D>; order: KeysetOrder; limit: number; after?: KeysetCursor },
  toItem: (doc: D) => T,
  cursorOf: (item: T) => KeysetCursor,
): Promise<KeysetPage<T>> {
  const { filter: past, sort } = keysetQuery(page.order, page.after);
  // Both may constrain with $or: then they must hold together.
  const query = '$or' in page.filter && '$or' in past ? { $and: [page.filter, past] } : { ...page.filter, ...past };
  const docs = (await model
    .find(query as FilterQuery<D>)
    .sort(sort)
    .limit(page.limit + 1)
    .lean()) as D[];
  return toKeysetPage(docs.map(toItem), page.limit, cursorOf);
}
