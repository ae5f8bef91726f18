import { isDuplicateKeyError, nonDuplicateWriteErrors } from './mongo-errors';

describe('mongo error helpers', () => {
  it('recognises E11000', () => {
    expect(isDuplicateKeyError({ code: 11000 })).toBe(true);
    expect(isDuplicateKeyError(new Error('x'))).toBe(false);
  });

  it('keeps only non-duplicate failures of an unordered insert (driver and mongoose shapes)', () => {
    expect(nonDuplicateWriteErrors({ writeErrors: [{ code: 11000 }, { err: { code: 11000 } }] })).toEqual([]);
    expect(nonDuplicateWriteErrors({ writeErrors: { code: 11000 } })).toEqual([]);
    expect(nonDuplicateWriteErrors({ writeErrors: [{ err: { code: 121 } }] })).toHaveLength(1);
    const plain = new Error('network');
    expect(nonDuplicateWriteErrors(plain)).toEqual([plain]);
  });
});
