import { stringifyExactly, withExactIntegers } from './int64-json';

describe('int64 JSON', () => {
  it('reads integers beyond 2^53 as BigInt, without going through a float; other numbers stay numbers', () => {
    const text =
      '{"group_id":9223372036854775807,"user_list":[9007199254740993,12],"size":1.5,"name":"12345678901234567890"}';
    expect(withExactIntegers(text, JSON.parse(text))).toEqual({
      group_id: 9223372036854775807n,
      user_list: [9007199254740993n, 12],
      size: 1.5,
      name: '12345678901234567890',
    });
    const short = { a: 1 };
    expect(withExactIntegers('{"a":1}', short)).toBe(short);
  });

  it('writes BigInts as JSON numbers with every digit; strings that look like the mark stay strings', () => {
    expect(stringifyExactly({ id: 9223372036854775807n, ids: [1, 9007199254740993n], name: '\u0000int64-x:5' })).toBe(
      '{"id":9223372036854775807,"ids":[1,9007199254740993],"name":"\\u0000int64-x:5"}',
    );
    expect(stringifyExactly({ a: 'b' })).toBe('{"a":"b"}');
  });
});
