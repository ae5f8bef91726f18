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
    for (const bad of ['nope', Buffer.from('[1]').toString('base64url'), Buffer.from('["x","y"]').toString('base64url')]) {
      expect(() => decodeCursor(bad)).toThrow(expect.objectContaining({ code: 'invalid_parameter', message: expect.stringContaining('cursor') }));
    }
  });
});
