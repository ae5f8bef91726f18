// GET /{org}/{app}/users/{username}/joined_chatrooms through the real built stack: the 500 most
// recently joined without paging, a page with pagenum/pagesize (echoed in params), names.
import { createChatroom, EasemobClient, expectEasemobError, expectEasemobOk } from './easemob-e2e.helpers';
import { newUserId } from './group-e2e.helpers';
import { useGroupStack } from './group-stack.fixture';

/** Runs `task` on every item, `width` at a time, in order of start. */
async function inBatches<T, R>(items: T[], width: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += width)
    results.push(...(await Promise.all(items.slice(i, i + width).map(task))));
  return results;
}

describe('Easemob joined_chatrooms', () => {
  const e2e = useGroupStack('easemob-joined', { db: false });
  const { owner } = e2e.users;
  let easemob: EasemobClient;
  /** `joiner`'s chatrooms, oldest join first: [id, name]. */
  const rooms: [string, string][] = [];
  const joiner = newUserId();

  const join = async (name: string) => {
    const id = await createChatroom(e2e.api, e2e.tokens.app, owner, [joiner], name);
    return [id, name] as [string, string];
  };
  const joined = (query?: Record<string, string | number>) =>
    easemob.get(`/users/${joiner}/joined_chatrooms`, { query });
  const asAnswered = ([id, name]: [string, string]) => ({ id, name, disabled: 'false' });

  beforeAll(async () => {
    easemob = new EasemobClient(e2e.stack.baseUrl);
    await easemob.login();
    // 3 oldest one by one, then 500 more, then the 2 most recent one by one: 505 in all
    for (let i = 0; i < 3; i += 1) rooms.push(await join(`old ${i}`));
    rooms.push(
      ...(await inBatches(
        Array.from({ length: 500 }, (_, i) => `room ${i}`),
        10,
        join,
      )),
    );
    for (let i = 0; i < 2; i += 1) rooms.push(await join(`new ${i}`));
    // a private group is not a chatroom
    await e2e.api.createGroup(e2e.tokens.app, { type: 0, name: 'private', user_list: [joiner] }, { user_id: owner });
  }, 600_000);

  it('without paging: the 500 most recently joined, with their names, no params', async () => {
    const res = await joined();
    const data = expectEasemobOk(res) as Record<string, string>[];
    expect(res.body.count).toBe(500);
    expect(res.body).not.toHaveProperty('params');
    expect(data.slice(0, 2)).toEqual([asAnswered(rooms[504]), asAnswered(rooms[503])]);
    const listed = new Set(data.map((d) => d.id));
    expect(listed.size).toBe(500);
    for (const oldest of rooms.slice(0, 3)) expect(listed.has(oldest[0])).toBe(false);
    const names = new Map(rooms);
    for (const item of data) expect(item).toEqual({ id: item.id, name: names.get(item.id), disabled: 'false' });
  });

  it('a page: pagenum and pagesize, echoed in params as strings', async () => {
    const first = await joined({ pagenum: 1, pagesize: 2 });
    expect(expectEasemobOk(first)).toEqual([asAnswered(rooms[504]), asAnswered(rooms[503])]);
    expect(first.body).toMatchObject({ count: 2, params: { pagenum: ['1'], pagesize: ['2'] } });
    // 505 chatrooms, 3 a page: page 169 holds the oldest alone, page 168 ends with the next two
    const last = await joined({ pagenum: 169, pagesize: 3 });
    expect(expectEasemobOk(last)).toEqual([asAnswered(rooms[0])]);
    expect(last.body).toMatchObject({ count: 1, params: { pagenum: ['169'], pagesize: ['3'] } });
    const before = expectEasemobOk(await joined({ pagenum: 168, pagesize: 3 })) as unknown[];
    expect(before.slice(1)).toEqual([asAnswered(rooms[2]), asAnswered(rooms[1])]);
    expect(expectEasemobOk(await joined({ pagenum: 170, pagesize: 3 }))).toEqual([]);
    const everything = await joined({ pagesize: 1000 });
    expect(everything.body).toMatchObject({ count: 505, params: { pagesize: ['1000'] } });
    expect(everything.body.params).not.toHaveProperty('pagenum');
  });

  it('pagesize out of range → 400 naming it; a user in no chatroom → an empty list', async () => {
    expectEasemobError(await joined({ pagesize: 1001 }), 400, 'invalid_parameter', /^pagesize: /);
    expectEasemobError(await joined({ pagenum: 0 }), 400, 'invalid_parameter', /^pagenum: /);
    const none = await easemob.get(`/users/${newUserId()}/joined_chatrooms`);
    expect(expectEasemobOk(none)).toEqual([]);
    expect(none.body.count).toBe(0);
  });
});
