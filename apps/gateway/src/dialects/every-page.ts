/** One page of a list a service answers in pages: its items and the cursor of the next (none on the last). */
export interface CursorPage<T> {
  items: T[];
  cursor: string | null | undefined;
}

/**
 * Every item of a list whose vendor answers it whole (no paging in its API), read from a service
 * a page at a time: the answer is never cut, and no bus message grows with the list.
 */
export async function everyPage<T>(fetchPage: (cursor: string | undefined) => Promise<CursorPage<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    cursor = page.cursor || undefined;
  } while (cursor);
  return items;
}
