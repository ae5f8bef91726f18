// Easemob's chatroom announcement (GET and POST /chatrooms/{id}/announcement) through the real
// built stack, as the app admin: one string, the content of the group's current announcement,
// the same one /group/announcement/last reads; and a deleted chatroom's announcements go with it.
import { expectEventually } from '@cohort/testing';

import { type Announcement, ContentApi } from './content-e2e.helpers';
import { createEasemobChatroom, EasemobClient, expectEasemobError, expectEasemobOk } from './easemob-e2e.helpers';
import { expectOk, expectUnchanged } from './group-e2e.helpers';
import { useGroupStack } from './group-stack.fixture';
import { groupKey } from './stack-db';

const UNKNOWN_ROOM = '4000000006666';

describe('Easemob chatroom announcement', () => {
  const e2e = useGroupStack('easemob-announcement', { api: (baseUrl) => new ContentApi(baseUrl) });
  const { owner, member } = e2e.users;
  let easemob: EasemobClient;

  beforeAll(async () => {
    easemob = new EasemobClient(e2e.stack.baseUrl);
    await easemob.login();
  });

  const newRoom = () => createEasemobChatroom(easemob, { owner, members: [member] });
  const post = (room: string, body: unknown) => easemob.post(`/chatrooms/${room}/announcement`, { body });
  /** GET: the announcement string, asserting the envelope. */
  const announcementOf = async (room: string): Promise<string> => {
    const res = await easemob.get(`/chatrooms/${room}/announcement`);
    expect(res.body).toMatchObject({
      action: 'get',
      uri: expect.stringMatching(new RegExp(`/chatrooms/${room}/announcement$`)),
    });
    const data = expectEasemobOk(res) as { announcement: string };
    expect(Object.keys(data)).toEqual(['announcement']);
    return data.announcement;
  };
  /** /group/announcement/last as a member reads it. */
  const lastInGroupDialect = async (room: string): Promise<Announcement | null> => {
    const res = await e2e.api.lastAnnouncement(e2e.tokens.member, room);
    expectOk(res, res.body?.data);
    return res.body.data;
  };
  const countStored = (room: string) => e2e.db.announcements.countDocuments(groupKey(room));

  it('GET of a chatroom without an announcement → {announcement: ""}', async () => {
    expect(await announcementOf(await newRoom())).toBe('');
  });

  it('POST publishes → {id, result: true}; GET and /group/announcement/last read it (no title, no author: the app admin)', async () => {
    const room = await newRoom();
    const before = Date.now();
    const res = await post(room, { announcement: 'Welcome to the room' });
    expect(res.body).toMatchObject({ action: 'post' });
    expect(expectEasemobOk(res)).toEqual({ id: room, result: true });
    expect(await announcementOf(room)).toBe('Welcome to the room');
    const last = await lastInGroupDialect(room);
    expect(last).toEqual({
      author: 0,
      content: 'Welcome to the room',
      created_at: expect.any(Number),
      group_id: Number(room),
      id: expect.any(Number),
      title: '',
    });
    expect(last?.created_at).toBeGreaterThanOrEqual(before);
  });

  it('each POST is a new current announcement, kept in the history; /group publishing and deleting show through Easemob', async () => {
    const room = await newRoom();
    expect(expectEasemobOk(await post(room, { announcement: 'first' }))).toEqual({ id: room, result: true });
    expect(expectEasemobOk(await post(room, { announcement: 'second' }))).toEqual({ id: room, result: true });
    expect(await announcementOf(room)).toBe('second');
    const viaGroup = await e2e.api.published(e2e.tokens.owner, room, 'Rules', 'Be kind');
    expect(await announcementOf(room)).toBe('Be kind');
    const history = await e2e.api.announcements(e2e.tokens.member, room);
    expect(history.body.data.map((a: Announcement) => a.content)).toEqual(['Be kind', 'second', 'first']);
    expectOk(await e2e.api.deleteAnnouncement('DELETE', e2e.tokens.owner, room, viaGroup.id), {});
    expect(await announcementOf(room)).toBe('second');
  });

  it('up to 512 characters, an empty one too; 513, a missing or non-string announcement → 400 naming announcement, nothing stored', async () => {
    const room = await newRoom();
    expectEasemobOk(await post(room, { announcement: 'a'.repeat(512) }));
    expect(await announcementOf(room)).toHaveLength(512);
    expectEasemobOk(await post(room, { announcement: '' }));
    expect(await announcementOf(room)).toBe('');
    await expectUnchanged(
      () => countStored(room),
      async () => {
        expectEasemobError(
          await post(room, { announcement: 'a'.repeat(513) }),
          400,
          'invalid_parameter',
          /^announcement: .*512/,
        );
        expectEasemobError(await post(room, {}), 400, 'invalid_parameter', /^announcement: /);
        expectEasemobError(await post(room, { announcement: 7 }), 400, 'invalid_parameter', /^announcement: /);
      },
    );
  });

  it('a private group’s id or an unknown chatroom → 404 (the group’s announcement untouched); a non-numeric id is an unknown route (404)', async () => {
    const group = String((await e2e.api.createGroup(e2e.tokens.owner, { type: 0, user_list: [member] })).group_id);
    await e2e.api.published(e2e.tokens.owner, group, 'private', 'secret');
    for (const id of [group, UNKNOWN_ROOM]) {
      expectEasemobError(await easemob.get(`/chatrooms/${id}/announcement`), 404, 'resource_not_found');
      expectEasemobError(await post(id, { announcement: 'x' }), 404, 'resource_not_found');
    }
    expect((await lastInGroupDialect(group))?.content).toBe('secret');
    expectEasemobError(await easemob.get('/chatrooms/abc/announcement'), 404, 'resource_not_found');
  });

  it('without the app token → 401, nothing stored', async () => {
    const room = await newRoom();
    expectEasemobError(
      await easemob.post(`/chatrooms/${room}/announcement`, { token: null, body: { announcement: 'x' } }),
      401,
      'unauthorized',
    );
    expectEasemobError(
      await easemob.get(`/chatrooms/${room}/announcement`, { token: 'not-a-token' }),
      401,
      'unauthorized',
    );
    expect(await countStored(room)).toBe(0);
  });

  it('DELETE /chatrooms/{id} → its announcements are removed once group.destroyed has been handled', async () => {
    const room = await newRoom();
    expectEasemobOk(await post(room, { announcement: 'soon gone' }));
    expect(await countStored(room)).toBe(1);
    expectEasemobOk(await easemob.delete(`/chatrooms/${room}`));
    expectEasemobError(await easemob.get(`/chatrooms/${room}/announcement`), 404, 'resource_not_found');
    await expectEventually(async () => expect(await countStored(room)).toBe(0), { timeoutMs: 20_000, intervalMs: 200 });
  });
});
