import { GROUP_ID_PATTERN, NUMERIC_ID_PATTERN, USER_ID_PATTERN } from './limits';

describe('id patterns: one spelling per id', () => {
  it('takes every int64 from 0 in canonical decimal, nothing with a leading zero or past int64', () => {
    for (const id of [
      '0',
      '7',
      '10',
      '459597775192',
      '1000000000000000000',
      '9123372036854775807',
      '9223372036854775799',
      '9223372036854775807',
    ]) {
      expect([id, NUMERIC_ID_PATTERN.test(id)]).toEqual([id, true]);
    }
    for (const id of [
      '',
      '00',
      '07',
      '000459597775192',
      '9223372036854775808',
      '9323372036854775807',
      '9999999999999999999',
      '10000000000000000000',
      '-1',
    ]) {
      expect([id, NUMERIC_ID_PATTERN.test(id)]).toEqual([id, false]);
    }
  });

  it('takes group ids as canonical int64s or UUIDs', () => {
    expect(GROUP_ID_PATTERN.test('459597775192')).toBe(true);
    expect(GROUP_ID_PATTERN.test('e0ab32c4-1111-2222-3333-444455556666')).toBe(true);
    expect(GROUP_ID_PATTERN.test('0459597775192')).toBe(false);
    expect(GROUP_ID_PATTERN.test('9223372036854775808')).toBe(false);
  });

  it('takes opaque user ids, but an id of digits only must be a canonical int64 (the /group dialect answers it as a number)', () => {
    for (const id of ['alice', 'a1', '0a', '007x', '459597775192', 'e0ab32c4-1111-2222-3333-444455556666'])
      expect([id, USER_ID_PATTERN.test(id)]).toEqual([id, true]);
    for (const id of ['007', '000459597775192', '9223372036854775808', 'a b', ''])
      expect([id, USER_ID_PATTERN.test(id)]).toEqual([id, false]);
  });
});
