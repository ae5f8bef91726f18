import { metadataOutcome, metadataValues } from './easemob-metadata.presenter';

describe('Easemob chatroom attribute answers', () => {
  it('successKeys in request order; errorKeys with each failure’s description', () => {
    expect(
      metadataOutcome({
        done: ['a', 'b'],
        failed: [{ key: 'c', error: { code: 'forbidden', message: 'key c is owned by another member' } }],
      }),
    ).toEqual({ successKeys: ['a', 'b'], errorKeys: { c: 'key c is owned by another member' } });
    expect(metadataOutcome({ done: [], failed: [] })).toEqual({ successKeys: [], errorKeys: {} });
  });

  it('{key: value}, even for keys that are names of Object’s own members', () => {
    const values = metadataValues([
      { key: 'seat', value: '3', ownerId: 'u', removeOnLeave: true, updatedAt: 1 },
      { key: 'constructor', value: 'x', ownerId: 'u', removeOnLeave: true, updatedAt: 1 },
    ]);
    expect(JSON.parse(JSON.stringify(values))).toEqual({ seat: '3', constructor: 'x' });
  });
});
