// Easemob chatroom lifecycle (/{org}/{app}/chatrooms...) through the real built stack, as the app
// admin: create, list (cursor paging while rooms are being created), details of one or several,
// PUT (name, description, maxusers, newowner), DELETE; the limits of each field, the app's capacity
// ceiling (a second app raises it to 100,000), the SDK's bodies, and errors in Easemob's envelope.
import {
  chatroomDetails,
  createEasemobChatroom,
  EasemobClient,
  everyChatroom,
  expectEasemobError,
  expectEasemobOk,
} from './easemob-e2e.helpers';
import { APP_ID, CLIENT_ID, CLIENT_SECRET, type Loose, newUserId } from './group-e2e.helpers';
import { useGroupStack } from './group-stack.fixture';

const BIG = { org: 'bigorg', app: 'bigapp', clientId: 'big-client', clientSecret: 'big-secret-123' };
const APPS_JSON = JSON.stringify([
  { appId: APP_ID, orgName: 'demo', appName: 'demo', clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
  {
    appId: 'big',
    orgName: BIG.org,
    appName: BIG.app,
    clientId: BIG.clientId,
    clientSecret: BIG.clientSecret,
    maxCapacity: 100_000,
  },
]);
const DETAIL_KEYS = [
  'affiliations',
  'affiliations_count',
  'allowinvites',
  'created',
  'custom',
  'description',
  'id',
  'maxusers',
  'membersonly',
  'name',
  'owner',
  'public',
];

describe('Easemob chatroom lifecycle', () => {
  const e2e = useGroupStack('easemob-chatrooms', { db: false, appEnv: { gateway: { APPS_JSON } } });
  const { owner, member } = e2e.users;
  let easemob: EasemobClient;
  let big: EasemobClient;

  beforeAll(async () => {
    easemob = new EasemobClient(e2e.stack.baseUrl);
    big = new EasemobClient(e2e.stack.baseUrl, BIG);
    await Promise.all([easemob.login(), big.login()]);
  });

  const create = (body: Record<string, unknown> = {}) => createEasemobChatroom(easemob, { owner, ...body });
  const details = async (id: string) => (await chatroomDetails(easemob, id))[0];
  const privateGroup = async () =>
    String(
      (await e2e.api.createGroup(e2e.tokens.app, { type: 0, name: 'private', user_list: [member] }, { user_id: owner }))
        .group_id,
    );

  describe('POST /chatrooms', () => {
    it('creates a chatroom for its owner with members; answers its id', async () => {
      const [m1, m2] = [newUserId(), newUserId()];
      const before = Date.now();
      const res = await easemob.post('/chatrooms', {
        body: {
          name: 'lobby',
          description: 'the lobby',
          maxusers: 300,
          owner,
          members: [m1, m2],
          custom: '{"theme":"dark"}',
        },
      });
      const data = expectEasemobOk(res) as { id: string };
      expect(res.body.action).toBe('post');
      expect(Object.keys(data)).toEqual(['id']);
      expect(data.id).toMatch(/^[0-9]+$/);
      const room = await details(data.id);
      expect(Object.keys(room).sort()).toEqual(DETAIL_KEYS);
      expect(room).toEqual({
        id: data.id,
        name: 'lobby',
        description: 'the lobby',
        membersonly: false,
        allowinvites: false,
        maxusers: 300,
        owner,
        created: expect.any(Number),
        custom: '{"theme":"dark"}',
        affiliations_count: 3,
        affiliations: expect.arrayContaining([{ owner }, { member: m1 }, { member: m2 }]),
        public: true,
      });
      expect(room.affiliations).toHaveLength(3);
      expect(room.created).toBeGreaterThanOrEqual(before - 1000);
    });

    it('defaults: maxusers 1000, no members, empty description and custom', async () => {
      const room = await details(await create({ name: 'bare' }));
      expect(room).toMatchObject({
        name: 'bare',
        description: '',
        custom: '',
        maxusers: 1000,
        affiliations_count: 1,
        affiliations: [{ owner }],
      });
    });

    it('takes the body as the SDK sends it: no Content-Type, its own fields (scale, need_verify) ignored; the owner among members is left out', async () => {
      const other = newUserId();
      const res = await easemob.post('/chatrooms', {
        body: { name: 'sdk', owner, members: [owner, other], scale: 'large', need_verify: false, autoDelete: true },
      });
      const room = await details((expectEasemobOk(res) as { id: string }).id);
      expect(room).toMatchObject({ name: 'sdk', affiliations_count: 2 });
      expect(room.affiliations).toEqual(expect.arrayContaining([{ owner }, { member: other }]));
    });

    it('refuses each field out of its limits → 400 naming it', async () => {
      const refused: [Record<string, unknown>, string][] = [
        [{ name: 'n'.repeat(129) }, 'name'],
        [{ name: undefined }, 'name'],
        [{ name: 3 }, 'name'],
        [{ description: 'd'.repeat(513) }, 'description'],
        [{ maxusers: 0 }, 'maxusers'],
        [{ maxusers: 10_001 }, 'maxusers'],
        [{ maxusers: 'many' }, 'maxusers'],
        [{ owner: undefined }, 'owner'],
        [{ owner: 'a b' }, 'owner'],
        [{ members: [] }, 'members'],
        [{ members: ['a b'] }, 'members'],
        [{ custom: 'c'.repeat(1025) }, 'custom'],
      ];
      for (const [fields, name] of refused) {
        const body = { name: 'room', owner, ...fields };
        expectEasemobError(
          await easemob.post('/chatrooms', { body }),
          400,
          'invalid_parameter',
          new RegExp(`^${name}\\b`),
        );
      }
      // at the limits
      expect(
        await details(
          await create({
            name: 'n'.repeat(128),
            description: 'd'.repeat(512),
            custom: 'c'.repeat(1024),
            maxusers: 10_000,
          }),
        ),
      ).toMatchObject({ maxusers: 10_000 });
      expect(await details(await create({ maxusers: 1 }))).toMatchObject({ maxusers: 1, affiliations_count: 1 });
    });

    it('more members than maxusers − 1 (the owner takes a place) → 400 naming members', async () => {
      const users = [newUserId(), newUserId(), newUserId()];
      expectEasemobError(
        await easemob.post('/chatrooms', { body: { name: 'r', owner, maxusers: 3, members: users } }),
        400,
        'invalid_parameter',
        /^members\b/,
      );
      expectEasemobError(
        await easemob.post('/chatrooms', { body: { name: 'r', owner, maxusers: 1, members: [users[0]] } }),
        400,
        'invalid_parameter',
        /^members\b/,
      );
      // exactly maxusers − 1, with the owner listed too: fits
      expect(await details(await create({ maxusers: 3, members: [owner, ...users.slice(0, 2)] }))).toMatchObject({
        maxusers: 3,
        affiliations_count: 3,
      });
    });

    it("holds maxusers to the app's capacity ceiling: 10,000 by default, 100,000 for an app whose config raises it", async () => {
      const id = await createEasemobChatroom(big, { owner, maxusers: 100_000 });
      expect((await chatroomDetails(big, id))[0]).toMatchObject({ maxusers: 100_000 });
      expectEasemobError(
        await big.post('/chatrooms', { body: { name: 'r', owner, maxusers: 100_001 } }),
        400,
        'invalid_parameter',
        /^maxusers\b/,
      );
      expectEasemobError(
        await easemob.post('/chatrooms', { body: { name: 'r', owner, maxusers: 100_000 } }),
        400,
        'invalid_parameter',
        /^maxusers\b/,
      );
      // the other app's chatroom is not this app's
      expectEasemobError(await easemob.get(`/chatrooms/${id}`), 404, 'resource_not_found');
    });

    it('a body that is not JSON → 400; no token → 401', async () => {
      expectEasemobError(await easemob.post('/chatrooms', { body: 'name=x' }), 400, 'invalid_parameter');
      expectEasemobError(
        await easemob.post('/chatrooms', { body: { name: 'r', owner }, token: null }),
        401,
        'unauthorized',
      );
    });
  });

  describe('GET /chatrooms', () => {
    type Page = { ids: string[]; cursor?: string };
    const page = async (query: Record<string, string | number>): Promise<Page> => {
      const res = await easemob.get('/chatrooms', { query });
      const data = expectEasemobOk(res) as Loose[];
      expect(res.body.count).toBe(data.length);
      expect(res.body.params).toEqual({
        limit: [String(query.limit ?? 10)],
        ...(query.cursor ? { cursor: [String(query.cursor)] } : {}),
      });
      for (const room of data) expect(Object.keys(room).sort()).toEqual(['affiliations_count', 'id', 'name', 'owner']);
      if ('cursor' in res.body) expect(res.body.cursor).toEqual(expect.stringMatching(/.+/));
      return { ids: data.map((room) => room.id), cursor: res.body.cursor ?? undefined };
    };
    /** Every page of `limit` from the first, calling `between` after each page; the ids in order. */
    const walk = async (limit: number, between: () => Promise<unknown> = async () => undefined): Promise<string[]> => {
      const ids: string[] = [];
      let cursor: string | undefined;
      for (let pages = 0; pages < 1000; pages += 1) {
        const next = await page({ limit, ...(cursor ? { cursor } : {}) });
        expect(next.ids.length).toBeLessThanOrEqual(limit);
        ids.push(...next.ids);
        if (!next.cursor) return ids;
        cursor = next.cursor;
        await between();
      }
      throw new Error('the chatroom list never ended');
    };

    it('lists chatrooms as {id, name, owner, affiliations_count}', async () => {
      const other = newUserId();
      const id = await create({ name: 'listed', members: [other] });
      expect(await everyChatroom(easemob)).toContainEqual({ id, name: 'listed', owner, affiliations_count: 2 });
    });

    it('pages by cursor while rooms are created: each room that existed before is visited exactly once, the last page has no cursor', async () => {
      await Promise.all(Array.from({ length: 25 }, (_, i) => create({ name: `walk-${i}` })));
      const existing = await walk(100);
      expect(new Set(existing).size).toBe(existing.length);
      expect(existing.length).toBeGreaterThanOrEqual(25);
      const added: string[] = [];
      const during = async () => added.push(await create({ name: `during-${added.length}` }));
      // rooms are created all along the walk, and one more between each two pages
      let walking = true;
      const background = (async () => {
        while (walking) await during();
      })();
      const visited = await walk(10, during).finally(() => {
        walking = false;
      });
      await background;
      expect(added.length).toBeGreaterThanOrEqual(3);
      expect(new Set(visited).size).toBe(visited.length);
      expect(visited.filter((id) => existing.includes(id)).sort()).toEqual([...existing].sort());
      // whatever else it visited was created during the walk
      expect(visited.filter((id) => !existing.includes(id)).every((id) => added.includes(id))).toBe(true);
    });

    it('pages of 10 by default; a private group is not listed', async () => {
      const group = await privateGroup();
      const first = await page({});
      expect(first.ids.length).toBeLessThanOrEqual(10);
      expect(first.ids.length).toBe(10); // the walk above created more than 10
      expect(await walk(100)).not.toContain(group);
    });

    it('limit out of 1..100 → 400 naming limit', async () => {
      for (const limit of [0, 101, 'x']) {
        expectEasemobError(await easemob.get('/chatrooms', { query: { limit } }), 400, 'invalid_parameter', /^limit: /);
      }
    });
  });

  describe('GET /chatrooms/{ids}', () => {
    it('details several chatrooms separated by %2C or by commas, in request order; missing ones and private groups left out', async () => {
      const [a, b] = [await create({ name: 'a' }), await create({ name: 'b', members: [member] })];
      const group = await privateGroup();
      const viaEncoded = await easemob.get(`/chatrooms/${b}%2C${a}%2C123456789012%2C${group}`);
      expect((expectEasemobOk(viaEncoded) as Loose[]).map((r) => [r.id, r.name])).toEqual([
        [b, 'b'],
        [a, 'a'],
      ]);
      expect(viaEncoded.body.count).toBe(2);
      expect((await chatroomDetails(easemob, [a, b])).map((r) => r.id)).toEqual([a, b]);
      expect((await chatroomDetails(easemob, [a, a])).map((r) => r.id)).toEqual([a]);
    });

    it('none found (missing, a private group) → 404', async () => {
      expectEasemobError(await easemob.get('/chatrooms/123456789012'), 404, 'resource_not_found');
      expectEasemobError(await easemob.get(`/chatrooms/123456789012,123456789013`), 404, 'resource_not_found');
      expectEasemobError(await easemob.get(`/chatrooms/${await privateGroup()}`), 404, 'resource_not_found');
    });

    it('at most 100 ids → 400 naming id; a malformed list → 400; an id that is not digits is an unknown endpoint (404)', async () => {
      const room = await create();
      const ids = (n: number) =>
        [room, ...Array.from({ length: n - 1 }, (_, i) => String(900_000_000_000 + i))].join(',');
      expect((await chatroomDetails(easemob, ids(100).split(','))).map((r) => r.id)).toEqual([room]);
      expectEasemobError(await easemob.get(`/chatrooms/${ids(101)}`), 400, 'invalid_parameter', /^id: .*100/);
      expectEasemobError(await easemob.get(`/chatrooms/${room},,${room}`), 400, 'invalid_parameter', /^id: /);
      expectEasemobError(await easemob.get('/chatrooms/abc'), 404, 'resource_not_found');
    });

    it('lists the first 1000 members in affiliations; affiliations_count counts them all', async () => {
      const members = Array.from({ length: 1100 }, (_, i) => String(810_000_000 + i));
      const room = await details(await create({ maxusers: 2000, members }));
      expect(room.affiliations_count).toBe(1101);
      expect(room.affiliations).toHaveLength(1000);
      expect(room.affiliations.filter((entry: Loose) => 'owner' in entry).length).toBeLessThanOrEqual(1);
    });
  });

  describe('PUT /chatrooms/{id}', () => {
    it('changes name, description and maxusers and transfers ownership: true for each field', async () => {
      const room = await create({ name: 'before', members: [member] });
      const res = await easemob.put(`/chatrooms/${room}`, {
        body: { name: 'after', description: 'new', maxusers: 500, newowner: member },
      });
      expect(expectEasemobOk(res)).toEqual({ groupname: true, description: true, maxusers: true, newowner: true });
      expect(res.body.action).toBe('put');
      expect(await details(room)).toMatchObject({ name: 'after', description: 'new', maxusers: 500, owner: member });
    });

    it('answers only the fields sent', async () => {
      const room = await create({ name: 'one' });
      expect(expectEasemobOk(await easemob.put(`/chatrooms/${room}`, { body: { name: 'two' } }))).toEqual({
        groupname: true,
      });
      expect(expectEasemobOk(await easemob.put(`/chatrooms/${room}`, { body: { description: 'd' } }))).toEqual({
        description: true,
      });
      expect(expectEasemobOk(await easemob.put(`/chatrooms/${room}`, { body: { maxusers: 20 } }))).toEqual({
        maxusers: true,
      });
      expect(
        expectEasemobOk(await easemob.put(`/chatrooms/${room}`, { body: { name: 'three', maxusers: 30 } })),
      ).toEqual({ groupname: true, maxusers: true });
      expect(await details(room)).toMatchObject({ name: 'three', description: 'd', maxusers: 30, owner });
    });

    it('maxusers below the member count → 400 naming maxusers, and nothing else changes', async () => {
      const room = await create({ name: 'kept', maxusers: 10, members: [member, newUserId()] });
      expectEasemobError(
        await easemob.put(`/chatrooms/${room}`, { body: { maxusers: 2, name: 'lost' } }),
        400,
        'invalid_parameter',
        /^maxusers\b/,
      );
      expect(await details(room)).toMatchObject({ name: 'kept', maxusers: 10, affiliations_count: 3 });
      expect(expectEasemobOk(await easemob.put(`/chatrooms/${room}`, { body: { maxusers: 3 } }))).toEqual({
        maxusers: true,
      });
    });

    it('a full chatroom refuses one more member (403) until maxusers is raised', async () => {
      const room = await create({ maxusers: 3, members: [member, newUserId()] });
      const late = newUserId();
      expectEasemobError(await easemob.post(`/chatrooms/${room}/users/${late}`), 403, 'forbidden_op');
      expect(expectEasemobOk(await easemob.put(`/chatrooms/${room}`, { body: { maxusers: 4 } }))).toEqual({
        maxusers: true,
      });
      expect(expectEasemobOk(await easemob.post(`/chatrooms/${room}/users/${late}`))).toEqual({
        result: true,
        action: 'add_member',
        id: room,
        user: late,
      });
      expect(await details(room)).toMatchObject({ maxusers: 4, affiliations_count: 4 });
      expectEasemobError(await easemob.post(`/chatrooms/${room}/users/${newUserId()}`), 403, 'forbidden_op');
    });

    it('refuses values out of limits, other fields and an empty body → 400 naming the field', async () => {
      const room = await create({ name: 'same' });
      const refused: [Record<string, unknown>, string][] = [
        [{ name: 'n'.repeat(129) }, 'name'],
        [{ description: 'd'.repeat(513) }, 'description'],
        [{ maxusers: 0 }, 'maxusers'],
        [{ maxusers: 10_001 }, 'maxusers'],
        [{ newowner: 'a b' }, 'newowner'],
        [{ name: 'x', owner: member }, 'owner'],
        [{ name: 'x', custom: 'c' }, 'custom'],
        [{}, 'body'],
      ];
      for (const [body, field] of refused) {
        expectEasemobError(
          await easemob.put(`/chatrooms/${room}`, { body }),
          400,
          'invalid_parameter',
          new RegExp(`^${field}\\b`),
        );
      }
      expectEasemobError(await easemob.put(`/chatrooms/${room}`), 400, 'invalid_parameter', /^body\b/);
      expect(await details(room)).toMatchObject({ name: 'same', maxusers: 1000, owner });
    });

    it('a missing chatroom or a private group → 404, the group unchanged', async () => {
      expectEasemobError(
        await easemob.put('/chatrooms/123456789012', { body: { name: 'x' } }),
        404,
        'resource_not_found',
      );
      const group = await privateGroup();
      expectEasemobError(
        await easemob.put(`/chatrooms/${group}`, { body: { name: 'x', maxusers: 5 } }),
        404,
        'resource_not_found',
      );
      expect(await e2e.api.info(e2e.tokens.app, group)).toMatchObject({ name: 'private', capacity: 1000 });
    });
  });

  describe('DELETE /chatrooms/{id}', () => {
    it('deletes: {success, id}; then every chatroom route answers 404, a second DELETE too', async () => {
      const room = await create({ members: [member] });
      const res = await easemob.delete(`/chatrooms/${room}`);
      expect(expectEasemobOk(res)).toEqual({ success: true, id: room });
      expect(res.body.action).toBe('delete');
      expectEasemobError(await easemob.delete(`/chatrooms/${room}`), 404, 'resource_not_found');
      expectEasemobError(await easemob.get(`/chatrooms/${room}`), 404, 'resource_not_found');
      expectEasemobError(await easemob.put(`/chatrooms/${room}`, { body: { name: 'x' } }), 404, 'resource_not_found');
      expectEasemobError(await easemob.get(`/chatrooms/${room}/users`), 404, 'resource_not_found');
    });

    it('a missing chatroom or a private group → 404, the group still there', async () => {
      expectEasemobError(await easemob.delete('/chatrooms/123456789012'), 404, 'resource_not_found');
      const group = await privateGroup();
      expectEasemobError(await easemob.delete(`/chatrooms/${group}`), 404, 'resource_not_found');
      expect(await e2e.api.info(e2e.tokens.app, group)).toMatchObject({ status: 0 });
    });
  });
});
