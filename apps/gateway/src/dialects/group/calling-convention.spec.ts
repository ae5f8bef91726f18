import { fillGroupIdFromHeader, groupCallParams } from './calling-convention';

describe('groupCallParams (the /group calling convention)', () => {
  it('reads access-token, app_id and user_id from headers', () => {
    expect(groupCallParams({ 'access-token': 't', app_id: 'demo', user_id: '42' }, {})).toEqual({
      token: 't',
      appId: 'demo',
      userId: '42',
    });
  });

  it('falls back to the query; the header wins when both are sent, an empty header counts as absent', () => {
    expect(groupCallParams({}, { 'access-token': 'q', app_id: 'demo', user_id: '7' })).toEqual({
      token: 'q',
      appId: 'demo',
      userId: '7',
    });
    expect(
      groupCallParams(
        { 'access-token': 'h', app_id: 'a', user_id: '1' },
        { 'access-token': 'q', app_id: 'b', user_id: '2' },
      ),
    ).toEqual({
      token: 'h',
      appId: 'a',
      userId: '1',
    });
    expect(groupCallParams({ app_id: '', user_id: '' }, { app_id: 'b', user_id: '2' })).toMatchObject({
      appId: 'b',
      userId: '2',
    });
  });

  it('takes the token from access-token, then Authorization: Bearer, then the query', () => {
    expect(groupCallParams({ authorization: 'Bearer b', 'access-token': 'h' }, { 'access-token': 'q' }).token).toBe(
      'h',
    );
    expect(groupCallParams({ authorization: 'Bearer b' }, { 'access-token': 'q' }).token).toBe('b');
    expect(groupCallParams({}, {}).token).toBeNull();
  });

  it('reads the group_id header (never the query argument of that name) as the group an app admin acts in', () => {
    expect(groupCallParams({ group_id: '5' }, { group_id: '6' })).toEqual({
      token: null,
      appId: undefined,
      userId: undefined,
      groupId: '5',
    });
    expect(groupCallParams({ group_id: '' }, { group_id: '6' }).groupId).toBeUndefined();
  });

  it("fills the call's group_id from the header where neither the body nor the query names one", () => {
    const request = {
      body: { value: 'x' } as Record<string, unknown>,
      query: { group_id: '6' } as Record<string, unknown>,
    };
    fillGroupIdFromHeader(request, '5');
    expect(request).toEqual({ body: { value: 'x', group_id: '5' }, query: { group_id: '6' } });
    const array = { body: [1], query: {} };
    fillGroupIdFromHeader(array, undefined);
    expect(array).toEqual({ body: [1], query: {} });
  });

  it("never reads a route's own query argument as the act-as user_id; the header still is", () => {
    expect(groupCallParams({}, { user_id: '7', app_id: 'demo' }, ['user_id'])).toEqual({
      token: null,
      appId: 'demo',
      userId: undefined,
    });
    expect(groupCallParams({ user_id: '1' }, { user_id: '7' }, ['user_id']).userId).toBe('1');
  });
});
