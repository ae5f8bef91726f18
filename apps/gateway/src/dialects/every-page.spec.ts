import { everyPage } from './every-page';

describe('everyPage', () => {
  it('reads page after page until a page has no cursor, in order', async () => {
    const pages: Record<string, { items: number[]; cursor: string | null }> = {
      first: { items: [1, 2], cursor: 'b' },
      b: { items: [3], cursor: 'c' },
      c: { items: [4], cursor: null },
    };
    const asked: (string | undefined)[] = [];
    const items = await everyPage(async (cursor) => {
      asked.push(cursor);
      return pages[cursor ?? 'first'];
    });
    expect(items).toEqual([1, 2, 3, 4]);
    expect(asked).toEqual([undefined, 'b', 'c']);
  });

  it('an empty cursor ends the walk too', async () => {
    expect(await everyPage(async () => ({ items: ['x'], cursor: '' }))).toEqual(['x']);
  });
});
