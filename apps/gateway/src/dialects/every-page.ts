export interface CursorPage<T> {
  items: T[];
  cursor: string | null | undefined;
}

/** For a vendor that answers a list whole: the answer is never cut, and no bus message grows with the list. */
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
