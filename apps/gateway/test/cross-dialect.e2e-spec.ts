// One domain, several dialects, through the real built stack: a chatroom created, changed or
// deleted through Easemob is that chatroom in /group, and the other way round; /group's public
// list (4.39) holds chatrooms whichever dialect created them, and no private group.
import {
  chatroomDetails,
  createChatroom,
  createEasemobChatroom,
  EasemobClient,
  expectEasemobError,
  expectEasemobOk,
} from './easemob-e2e.helpers';
import { expectGroupNotFound, expectOk, newUserId } from './group-e2e.helpers';
import { useGroupStack } from './group-stack.fixture';

describe('across dialects', () => {
  const e2e = useGroupStack('cross-dialect', { db: false });
  const { owner, member } = e2e.users;
  let easemob: EasemobClient;

  beforeAll(async () => {
    easemob = new EasemobClient(e2e.stack.baseUrl);
    await easemob.login();
  });

  /** `/group/settings/<endpoint>` as the app admin. */
  const setting = (endpoint: string, groupId: string, fields: Record<string, unknown>) =>
    e2e.api.put(`/group/settings/${endpoint}`, { token: e2e.tokens.app, body: { group_id: groupId, ...fields } });

  it('a chatroom created through Easemob reads through /group/info as type 2 with its fields', async () => {
    const id = await createEasemobChatroom(easemob, {
      name: 'made in easemob',
      description: 'desc',
      maxusers: 321,
      owner,
      members: [member],
      custom: 'ext-data',
    });
    const info = await e2e.api.info(e2e.tokens.member, id);
    expect(info).toMatchObject({
      group_id: Number(id),
      type: 2,
      name: 'made in easemob',
      description: 'desc',
      ext: 'ext-data',
      capacity: 321,
      owner_id: Number(owner),
      count: 2,
      status: 0,
    });
  });

  it('a chatroom created through /group/create (type 2) reads through Easemob details; its /group settings show as membersonly and allowinvites', async () => {
    const id = await createChatroom(e2e.api, e2e.tokens.app, owner, [member], 'made in group');
    const [before] = await chatroomDetails(easemob, id);
    expect(before).toMatchObject({
      id,
      name: 'made in group',
      owner,
      maxusers: 1000,
      affiliations_count: 2,
      membersonly: false,
      allowinvites: false,
      public: true,
    });
    expect(before.affiliations).toEqual(expect.arrayContaining([{ owner }, { member }]));
    expectOk(await setting('require_admin_approval', id, { apply_approval: 1 }));
    expectOk(await setting('allow_member_invitation', id, { value: true }));
    const [after] = await chatroomDetails(easemob, id);
    expect(after).toMatchObject({ membersonly: true, allowinvites: true });
  });

  it('a change through Easemob (PUT) is seen by /group/info', async () => {
    const id = await createChatroom(e2e.api, e2e.tokens.app, owner, [member]);
    expectEasemobOk(
      await easemob.put(`/chatrooms/${id}`, {
        body: { name: 'renamed', description: 'new', maxusers: 50, newowner: member },
      }),
    );
    expect(await e2e.api.info(e2e.tokens.app, id)).toMatchObject({
      name: 'renamed',
      description: 'new',
      capacity: 50,
      owner_id: Number(member),
    });
  });

  it('deleted through Easemob: /group/info answers code 404', async () => {
    const id = await createEasemobChatroom(easemob, { owner, members: [member] });
    expectEasemobOk(await easemob.delete(`/chatrooms/${id}`));
    expectGroupNotFound(await e2e.api.getInfo(e2e.tokens.app, id));
    expectGroupNotFound(await e2e.api.getInfo(e2e.tokens.member, id));
  });

  it('destroyed through /group/destroy: Easemob GET, PUT and DELETE answer 404', async () => {
    const id = await createEasemobChatroom(easemob, { owner, members: [member] });
    expectOk(await e2e.api.post('/group/destroy', { token: e2e.tokens.app, query: { group_id: id } }));
    expectEasemobError(await easemob.get(`/chatrooms/${id}`), 404, 'resource_not_found');
    expectEasemobError(await easemob.put(`/chatrooms/${id}`, { body: { name: 'x' } }), 404, 'resource_not_found');
    expectEasemobError(
      await easemob.put(`/chatrooms/${id}`, { body: { newowner: member } }),
      404,
      'resource_not_found',
    );
    expectEasemobError(await easemob.delete(`/chatrooms/${id}`), 404, 'resource_not_found');
  });

  it('/group/public_list (4.39) lists chatrooms from both dialects as JSON numbers, not private groups nor deleted chatrooms', async () => {
    const viaEasemob = await createEasemobChatroom(easemob, { owner });
    const viaGroup = await createChatroom(e2e.api, e2e.tokens.app, owner);
    const deleted = await createEasemobChatroom(easemob, { owner });
    expectEasemobOk(await easemob.delete(`/chatrooms/${deleted}`));
    const group = (await e2e.api.createGroup(e2e.tokens.owner, { type: 0, name: 'private', user_list: [member] }))
      .group_id;
    const res = await e2e.api.get('/group/public_list', { token: e2e.tokens.outsider });
    expectOk(res);
    const ids = res.body.data as unknown[];
    expect(ids.every((id) => typeof id === 'number')).toBe(true);
    expect(ids).toEqual(expect.arrayContaining([Number(viaEasemob), Number(viaGroup)]));
    expect(ids).not.toContain(Number(deleted));
    expect(ids).not.toContain(group);
    // newest first
    expect(ids.indexOf(Number(viaGroup))).toBeLessThan(ids.indexOf(Number(viaEasemob)));
    // an app token reads it too
    expectOk(await e2e.api.get('/group/public_list', { token: e2e.tokens.app }));
  });

  it('a chatroom created by a user super admin through /group is managed through Easemob', async () => {
    const user = newUserId();
    expectEasemobOk(await easemob.post('/chatrooms/super_admin', { body: { superadmin: user } }));
    const userToken = await e2e.api.token(user);
    const created = await e2e.api.createGroup(userToken, { type: 2, name: 'by super admin' });
    const id = String(created.group_id);
    expect((await chatroomDetails(easemob, id))[0]).toMatchObject({ id, owner: user, name: 'by super admin' });
    expectEasemobOk(await easemob.post(`/chatrooms/${id}/users/${member}`));
    expect((await e2e.api.info(userToken, id)).count).toBe(2);
  });
});
