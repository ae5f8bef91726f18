import { banExpireTime, jsonId } from './group-info.presenter';

describe('group info presenter', () => {
  it('emits numeric ids as JSON numbers (BigInt beyond 2^53, written with every digit) and keeps other ids as strings', () => {
    expect(jsonId('9007199254740991')).toBe(9007199254740991);
    expect(jsonId('9007199254740993')).toBe(9007199254740993n);
    expect(jsonId('alice')).toBe('alice');
  });

  it('reports mute-all end in seconds, -1 permanent, 0 off or expired', () => {
    expect(banExpireTime(null, 1000)).toBe(0);
    expect(banExpireTime(-1, 1000)).toBe(-1);
    expect(banExpireTime(500, 1000)).toBe(0);
    expect(banExpireTime(65_500, 1000)).toBe(65);
  });
});
