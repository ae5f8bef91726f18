import { decodeCursor, encodeCursor } from './page-cursor';

describe('page cursors', () => {
  it('round-trips a keyset position and reads absent or empty as the first page', () => {
    const cursor = encodeCursor({ at: 1_700_000_000_123, id: 'user:1' });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor ?? undefined)).toEqual({ at: 1_700_000_000_123, id: 'user:1' });
    expect(decodeCursor(undefined)).toBeUndefined();
    expect(decodeCursor('')).toBeUndefined();
    expect(encodeCursor(null)).toBeNull();
  });

  it('refuses a cursor it did not make, naming the field', () => {
    const encoded = (position: unknown[]) => Buffer.from(JSON.stringify(position)).toString('base64url');
    // Well-formed, but past what a Date holds, before the epoch, or with an id no list has.
    const outOfRange = [encoded([9_000_000_000_000_000, 'x']), encoded([-1, 'x']), encoded([1, 'x'.repeat(300)])];
    for (const bad of ['nope', encoded([1]), encoded(['x', 'y']), ...outOfRange]) {
      expect(() => decodeCursor(bad)).toThrow(
        expect.objectContaining({ code: 'invalid_parameter', message: expect.stringContaining('cursor') }),
      );
    }
  });
});
