// GET /group/info (4.24) and POST /group/info/batch (4.26) through the real built stack, and the
// API reference that describes them.
import SwaggerParser from '@apidevtools/swagger-parser';
import { GROUP_ID_PATTERN } from '@cohort/contracts';

import {
  expectGroupNotFound,
  expectInvalid,
  expectNotMember,
  expectOk,
  expectUnauthorized,
  GROUP_INFO_KEYS,
  type GroupInfo,
  type Loose,
  SHORT_GROUP_INFO_KEYS,
} from './group-e2e.helpers';
import { useGroupStack } from './group-stack.fixture';

describe('GET /group/info and POST /group/info/batch', () => {
  const e2e = useGroupStack('group-info');
  const { owner, member, outsider } = e2e.users;
  let group: GroupInfo;
  /** A private group `outsider` owns and `member` is not in. */
  let otherGroup: GroupInfo;
  let chatroom: GroupInfo;
  /** No group of this app has this id. */
  const unknownId = 4_000_000_000_123;

  beforeAll(async () => {
    group = await e2e.api.createGroup(e2e.tokens.owner, {
      name: 'info',
      description: 'about',
      avatar: 'https://x.test/i.png',
      user_list: [member],
    });
    otherGroup = await e2e.api.createGroup(e2e.tokens.outsider, { name: 'other' });
    chatroom = await e2e.api.createGroup(e2e.tokens.app, { name: 'room', type: 2 }, { user_id: outsider });
  });

  describe('GET /group/info', () => {
    it('a member reads the full group info', async () => {
      const res = await e2e.api.getInfo(e2e.tokens.member, group.group_id);
      expectOk(res);
      expect(Object.keys(res.body.data).sort()).toEqual(GROUP_INFO_KEYS);
      expect(res.body.data).toEqual({
        ...group,
        apply_approval: 1,
        avatar: 'https://x.test/i.png',
        ban_expire_time: 0,
        capacity: 1000,
        count: 2,
        description: 'about',
        ext: '',
        group_id: group.group_id,
        history_visible: true,
        member_invite: false,
        member_modify: false,
        msg_mute_mode: 0,
        msg_push_mode: 0,
        name: 'info',
        owner_id: Number(owner),
        read_ack: false,
        status: 0,
        type: 0,
      });
      expect(typeof res.body.data.group_id).toBe('number');
      expect(typeof res.body.data.owner_id).toBe('number');
    });

    it('the owner reads what create answered', async () => {
      const res = await e2e.api.getInfo(e2e.tokens.owner, group.group_id);
      expectOk(res, group);
    });

    it('accepts the group id as a numeric string as well', async () => {
      const res = await e2e.api.getInfo(e2e.tokens.owner, String(group.group_id));
      expectOk(res, group);
    });

    it('an app-admin token without user_id reads any group', async () => {
      const res = await e2e.api.getInfo(e2e.tokens.app, otherGroup.group_id);
      expectOk(res);
      expect(res.body.data).toMatchObject({ group_id: otherGroup.group_id, owner_id: Number(outsider), count: 1 });
    });

    it('an app-admin token with user_id of a member reads as that member', async () => {
      const res = await e2e.api.getInfo(e2e.tokens.app, group.group_id, member);
      expectOk(res);
      expect(res.body.data.group_id).toBe(group.group_id);
    });

    it('a non-member of a private group → 403 not_member', async () => {
      expectNotMember(await e2e.api.getInfo(e2e.tokens.outsider, group.group_id));
    });

    it('an app-admin token with user_id of a non-member → 403 not_member', async () => {
      expectNotMember(await e2e.api.getInfo(e2e.tokens.app, group.group_id, outsider));
    });

    it('a user token with user_id naming a member → 401', async () => {
      expectUnauthorized(await e2e.api.getInfo(e2e.tokens.outsider, group.group_id, owner));
    });

    it('any user of the app reads a chatroom', async () => {
      const res = await e2e.api.getInfo(e2e.tokens.member, chatroom.group_id);
      expectOk(res);
      expect(res.body.data).toMatchObject({
        group_id: chatroom.group_id,
        type: 2,
        apply_approval: 0,
        count: 1,
        msg_mute_mode: 0,
        msg_push_mode: 0,
      });
    });

    it('unknown group → 404 group_not_found', async () => {
      expectGroupNotFound(await e2e.api.getInfo(e2e.tokens.owner, unknownId));
      expectGroupNotFound(await e2e.api.getInfo(e2e.tokens.app, unknownId));
    });

    it('group_id not numeric → 400 naming group_id', async () => {
      expectInvalid(await e2e.api.getInfo(e2e.tokens.owner, 'abc'), 'group_id');
      expectInvalid(await e2e.api.getInfo(e2e.tokens.owner, '-5'), 'group_id');
    });

    it('a numeric group_id beyond 2^53 is a valid int64 that names no group → 404 group_not_found', async () => {
      expectGroupNotFound(await e2e.api.getInfo(e2e.tokens.owner, '1234567890123456789'));
    });

    it('group_id missing → 400 naming group_id', async () => {
      expectInvalid(await e2e.api.get('/group/info', { token: e2e.tokens.owner }), 'group_id');
    });

    it("msg_mute_mode and msg_push_mode are the caller's own notification prefs", async () => {
      const setPrefs = (muteMode: number, pushMode: number) =>
        Promise.all([
          e2e.api.put('/group/msg/mute_mode', {
            token: e2e.tokens.member,
            body: { group_id: group.group_id, msg_mute_mode: muteMode },
          }),
          e2e.api.put('/group/msg/push_mode', {
            token: e2e.tokens.member,
            body: { group_id: group.group_id, msg_push_mode: pushMode },
          }),
        ]);
      for (const res of await setPrefs(2, 3)) expectOk(res);
      try {
        const asMember = await e2e.api.getInfo(e2e.tokens.member, group.group_id);
        expectOk(asMember);
        expect(asMember.body.data).toMatchObject({ msg_mute_mode: 2, msg_push_mode: 3 });
        const asOwner = await e2e.api.getInfo(e2e.tokens.owner, group.group_id);
        expectOk(asOwner);
        expect(asOwner.body.data).toMatchObject({ msg_mute_mode: 0, msg_push_mode: 0 });
        const batch = await e2e.api.post('/group/info/batch', {
          token: e2e.tokens.member,
          body: { group_list: [group.group_id] },
        });
        expectOk(batch);
        expect(batch.body.data).toEqual([
          expect.objectContaining({ group_id: group.group_id, msg_mute_mode: 2, msg_push_mode: 3 }),
        ]);
      } finally {
        await setPrefs(0, 0);
      }
    });
  });

  describe('POST /group/info/batch', () => {
    const short = (info: GroupInfo) => ({
      apply_approval: info.apply_approval,
      avatar: info.avatar,
      capacity: info.capacity,
      count: info.count,
      group_id: info.group_id,
      msg_mute_mode: 0,
      msg_push_mode: 0,
      name: info.name,
      owner: info.owner_id,
      status: info.status,
      type: info.type,
    });

    it('answers the short info of readable groups; unknown and unreadable ones are left out', async () => {
      const res = await e2e.api.post('/group/info/batch', {
        token: e2e.tokens.member,
        body: { group_list: [group.group_id, String(chatroom.group_id), otherGroup.group_id, unknownId] },
      });
      expectOk(res);
      expect(res.body.data).toHaveLength(2);
      for (const item of res.body.data) expect(Object.keys(item).sort()).toEqual(SHORT_GROUP_INFO_KEYS);
      expect(res.body.data).toEqual(expect.arrayContaining([short(group), short(chatroom)]));
    });

    it('an app-admin token reads every group of the app', async () => {
      const res = await e2e.api.post('/group/info/batch', {
        token: e2e.tokens.app,
        body: { group_list: [group.group_id, otherGroup.group_id, chatroom.group_id, unknownId] },
      });
      expectOk(res);
      expect(res.body.data).toHaveLength(3);
      expect(res.body.data).toEqual(expect.arrayContaining([short(group), short(otherGroup), short(chatroom)]));
    });

    it('nothing readable → empty list', async () => {
      const res = await e2e.api.post('/group/info/batch', {
        token: e2e.tokens.outsider,
        body: { group_list: [group.group_id, unknownId] },
      });
      expectOk(res, []);
    });

    it('100 ids are accepted', async () => {
      const ids = [group.group_id, ...Array.from({ length: 99 }, (_, i) => unknownId + 1 + i)];
      const res = await e2e.api.post('/group/info/batch', { token: e2e.tokens.owner, body: { group_list: ids } });
      expectOk(res, [short(group)]);
    });

    it('1,001 ids → 400 naming group_list', async () => {
      const ids = Array.from({ length: 1001 }, (_, i) => unknownId + i);
      expectInvalid(
        await e2e.api.post('/group/info/batch', { token: e2e.tokens.owner, body: { group_list: ids } }),
        'group_list',
      );
    });

    it('group_list not an array, or with a non-numeric id → 400 naming group_list', async () => {
      expectInvalid(
        await e2e.api.post('/group/info/batch', { token: e2e.tokens.owner, body: { group_list: group.group_id } }),
        'group_list',
      );
      expectInvalid(
        await e2e.api.post('/group/info/batch', { token: e2e.tokens.owner, body: { group_list: ['abc'] } }),
        'group_list',
      );
      expectInvalid(await e2e.api.post('/group/info/batch', { token: e2e.tokens.owner, body: {} }), 'group_list');
    });
  });

  describe('API reference', () => {
    // The document itself and the docs page are not operations the document describes.
    const openApiJson = async () => {
      const response = await fetch(`${e2e.stack.baseUrl}/openapi.json`);
      expect(response.status).toBe(200);
      return (await response.json()) as Loose;
    };

    it('serves an OpenAPI 3 document covering the slice, and a docs page', async () => {
      const document = await openApiJson();
      expect(document.openapi).toMatch(/^3\./);
      expect(Object.keys(document.paths['/group/create'])).toEqual(['post']);
      expect(Object.keys(document.paths['/group/destroy']).sort()).toEqual(['delete', 'post']);
      expect(document.paths['/group/info']).toHaveProperty('get');
      expect(document.paths['/token']).toHaveProperty('post');
      const docs = await fetch(`${e2e.stack.baseUrl}/docs`);
      expect(docs.status).toBe(200);
      expect(await docs.text()).toContain('swagger');
    });

    it('is a valid OpenAPI document', async () => {
      await expect(SwaggerParser.validate(await openApiJson())).resolves.toBeDefined();
    });

    it('states the limits the validator enforces on this slice', async () => {
      const { components, paths } = await openApiJson();
      // A group id: an int64 (a JSON number or a numeric string), or the UUID of a Mixin conversation.
      const idForms = [
        { type: 'integer', format: 'int64', minimum: 0 },
        { type: 'string', pattern: GROUP_ID_PATTERN.source },
      ];
      expect(components.schemas.GroupListBody).toMatchObject({
        required: ['group_list'],
        properties: { group_list: { type: 'array', maxItems: 1000, items: { anyOf: idForms } } },
      });
      const query = paths['/group/info'].get.parameters.find((p: Loose) => p.in === 'query' && p.name === 'group_id');
      expect(query).toMatchObject({ required: true, schema: { anyOf: idForms } });
    });
  });
});
