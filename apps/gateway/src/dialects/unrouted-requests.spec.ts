import { dialectOfUnroutedRequest } from './unrouted-requests';

describe('dialectOfUnroutedRequest (requests no route declared a dialect for)', () => {
  it.each([
    ['/group/nope?app_id=x', 'group'],
    ['/conversations/abc/deeper', 'mixin'],
    ['/users', 'mixin'],
    ['/token/extra', 'plain'],
    ['/docs/static/x.js', 'plain'],
    ['/admin/v1/nope', 'plain'],
    ['/console/missing.js', 'plain'],
    ['/nope', 'plain'],
    ['/', 'plain'],
    ['/demo/demo/chatrooms', 'easemob'],
  ])('%s → %s', (url, dialect) => {
    expect(dialectOfUnroutedRequest(url).name).toBe(dialect);
  });
});
