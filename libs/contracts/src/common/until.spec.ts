import { isInForce, PERMANENT } from './until';

describe('isInForce', () => {
  it('holds a permanent end and an end still ahead; not an end passed, 0 or none', () => {
    expect(isInForce(PERMANENT, 1000)).toBe(true);
    expect(isInForce(1001, 1000)).toBe(true);
    expect(isInForce(1000, 1000)).toBe(false);
    expect(isInForce(0, 1000)).toBe(false);
    expect(isInForce(null, 1000)).toBe(false);
    expect(isInForce(undefined, 1000)).toBe(false);
  });
});
