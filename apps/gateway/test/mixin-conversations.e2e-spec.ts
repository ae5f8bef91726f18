// The Mixin dialect's conversations through the real built stack, as network users created by
// the app's bot sign them: create (idempotent for its creator), read, update, participants
// ADD/REMOVE/ROLE, invite codes (rotate, join), exit, the caller's notification mute, disappearing
// messages; every answer is the whole conversation, checked against /openapi.json.
import { randomUUID } from 'node:crypto';

import { expectOk } from './group-e2e.helpers';
import { HIGH_RATE_LIMIT, useGroupStack } from './group-stack.fixture';
import {
  CONVERSATION_KEYS,
  createNetworkUser,
  demoAppWithBot,
  expectMixinError,
  expectMixinOk,
  MixinClient,
  type MixinKeystore,
  RFC3339_NANO,
} from './mixin-e2e.helpers';

type Conversation = Record<string, unknown> & {
  conversation_id: string;
  code_id: string;
  participants: { user_id: string; role: string; type: string; created_at: string }[];
  participant_sessions: { user_id: string; session_id: string }[];
};

describe('Mixin conversations', () => {
  const { appsJson, bot } = demoAppWithBot();
  const e2e = useGroupStack('mixin-conversations', {
    db: false,
    env: HIGH_RATE_LIMIT,
    appEnv: { gateway: { APPS_JSON: appsJson, PUBLIC_BASE_URL: 'https://chat.example.com' } },
  });
  let mixin: MixinClient;
  let owner: MixinKeystore;
  let admin: MixinKeystore;
  let member: MixinKeystore;
  let outsider: MixinKeystore;

  beforeAll(async () => {
    mixin = new MixinClient(e2e.stack.baseUrl, bot);
    [owner, admin, member, outsider] = await Promise.all(
      ['Owner', 'Admin', 'Member', 'Outsider'].map((name) => createNetworkUser(mixin, name)),
    );
  });

  const as = (user: MixinKeystore) => mixin.as(user);
  /** A conversation of `owner` with `admin` (an admin) and `member`. */
  async function newConversation(name = 'team'): Promise<Conversation> {
    const id = randomUUID();
    expectMixinOk(
      await as(owner).post('/conversations', {
        body: {
          category: 'GROUP',
          conversation_id: id,
          name,
          participants: [{ user_id: admin.userId }, { user_id: member.userId }],
        },
      }),
    );
    return expectMixinOk(
      await as(owner).post(`/conversations/${id}/participants/ROLE`, {
        body: [{ user_id: admin.userId, role: 'ADMIN' }],
      }),
    ) as Conversation;
  }
  const roles = (conversation: Conversation) =>
    Object.fromEntries(conversation.participants.map((p) => [p.user_id, p.role]));

  describe('POST /conversations and GET /conversations/:id', () => {
    it('creates a group: the whole conversation, the caller OWNER, times in RFC 3339 with nanoseconds, sessions per participant', async () => {
      const id = randomUUID();
      const res = await as(owner).post('/conversations', {
        body: {
          category: 'GROUP',
          conversation_id: id,
          name: 'first',
          participants: [{ user_id: member.userId, created_at: '0001-01-01T00:00:00Z' }],
        },
      });
      const data = expectMixinOk(res) as Conversation;
      expect(Object.keys(data).sort()).toEqual(CONVERSATION_KEYS);
      expect(data).toMatchObject({
        type: 'conversation',
        conversation_id: id,
        creator_id: owner.userId,
        category: 'GROUP',
        name: 'first',
        icon_url: '',
        announcement: '',
        expire_in: 0,
        circles: [],
      });
      expect(data.created_at).toMatch(RFC3339_NANO);
      expect(data.mute_until).toBe('1970-01-01T00:00:00.000000000Z');
      expect(data.code_id).toMatch(/^[0-9a-f-]{36}$/);
      expect(data.code_url).toBe(`https://chat.example.com/codes/${data.code_id}`);
      expect(roles(data)).toEqual({ [owner.userId]: 'OWNER', [member.userId]: '' });
      for (const p of data.participants)
        expect(p).toMatchObject({ type: 'participant', created_at: expect.stringMatching(RFC3339_NANO) });
      expect(data.participant_sessions).toEqual(
        expect.arrayContaining([
          { user_id: owner.userId, session_id: owner.sessionId },
          { user_id: member.userId, session_id: member.sessionId },
        ]),
      );
      expect(expectMixinOk(await as(member).get(`/conversations/${id}`))).toMatchObject({
        conversation_id: id,
        code_id: data.code_id,
      });
    });

    it('the same id again by its creator answers the existing conversation; by anyone else → 409', async () => {
      const c = await newConversation('idempotent');
      const again = expectMixinOk(
        await as(owner).post('/conversations', {
          body: { category: 'GROUP', conversation_id: c.conversation_id, name: 'other name', participants: [] },
        }),
      );
      expect(again).toMatchObject({ conversation_id: c.conversation_id, name: 'idempotent' });
      expect((again as Conversation).participants).toHaveLength(3);
      expectMixinError(
        await as(member).post('/conversations', {
          body: { category: 'GROUP', conversation_id: c.conversation_id, name: 'x', participants: [] },
        }),
        409,
      );
    });

    it('an outsider reads → 404; an unknown id → 404; a bad body → 400 naming the field', async () => {
      const c = await newConversation();
      expectMixinError(await as(outsider).get(`/conversations/${c.conversation_id}`), 404);
      expectMixinError(await as(owner).get(`/conversations/${randomUUID()}`), 404);
      expectMixinError(
        await as(owner).post('/conversations', {
          body: { category: 'CONTACT', conversation_id: randomUUID(), participants: [] },
        }),
        400,
        /category/,
      );
      expectMixinError(
        await as(owner).post('/conversations', {
          body: { category: 'GROUP', conversation_id: 'not-a-uuid', participants: [] },
        }),
        400,
        /conversation_id/,
      );
      expectMixinError(
        await as(owner).post('/conversations', {
          body: { category: 'GROUP', conversation_id: randomUUID(), name: 'n'.repeat(513), participants: [] },
        }),
        400,
        /name/,
      );
      expectMixinError(
        await as(owner).post('/conversations', {
          body: { category: 'GROUP', conversation_id: randomUUID(), participants: [{ id: 'x' }] },
        }),
        400,
        /participants/,
      );
    });

    it('the same group reads through /group/info: its UUID id and members are strings there', async () => {
      const c = await newConversation('cross');
      const res = await e2e.api.getInfo(e2e.tokens.app, c.conversation_id);
      expectOk(res);
      expect(res.body.data).toMatchObject({
        group_id: c.conversation_id,
        owner_id: owner.userId,
        name: 'cross',
        type: 0,
        count: 3,
      });
    });
  });

  describe('POST /conversations/:id (name, announcement)', () => {
    it('admins rename and publish the current announcement (read back in /group/announcement/last); members may not; limits', async () => {
      const c = await newConversation();
      const updated = expectMixinOk(
        await as(admin).post(`/conversations/${c.conversation_id}`, {
          body: { name: 'renamed', announcement: 'hello all' },
        }),
      );
      expect(updated).toMatchObject({ name: 'renamed', announcement: 'hello all' });
      const last = await e2e.api.get('/group/announcement/last', {
        token: e2e.tokens.app,
        query: { group_id: c.conversation_id },
      });
      expectOk(last);
      expect(last.body.data).toMatchObject({ content: 'hello all' });
      expectMixinError(await as(member).post(`/conversations/${c.conversation_id}`, { body: { name: 'nope' } }), 403);
      expectMixinError(
        await as(admin).post(`/conversations/${c.conversation_id}`, { body: { announcement: 'a'.repeat(1025) } }),
        400,
        /announcement/,
      );
      expectMixinError(await as(admin).post(`/conversations/${c.conversation_id}`, { body: {} }), 400, /body/);
    });
  });

  describe('participants', () => {
    it('ADD and REMOVE (owner and admins, bare arrays); ROLE (owner only) grants and revokes ADMIN', async () => {
      const c = await newConversation();
      const extra = await createNetworkUser(mixin, 'Extra');
      const added = expectMixinOk(
        await as(admin).post(`/conversations/${c.conversation_id}/participants/ADD`, {
          body: [{ user_id: extra.userId }],
        }),
      ) as Conversation;
      expect(roles(added)[extra.userId]).toBe('');
      expectMixinError(
        await as(member).post(`/conversations/${c.conversation_id}/participants/ADD`, {
          body: [{ user_id: outsider.userId }],
        }),
        403,
      );
      expectMixinError(
        await as(admin).post(`/conversations/${c.conversation_id}/participants/ROLE`, {
          body: [{ user_id: extra.userId, role: 'ADMIN' }],
        }),
        403,
      );
      const promoted = expectMixinOk(
        await as(owner).post(`/conversations/${c.conversation_id}/participants/ROLE`, {
          body: [{ user_id: extra.userId, role: 'ADMIN' }],
        }),
      ) as Conversation;
      expect(roles(promoted)[extra.userId]).toBe('ADMIN');
      const demoted = expectMixinOk(
        await as(owner).post(`/conversations/${c.conversation_id}/participants/ROLE`, {
          body: [{ user_id: extra.userId, role: '' }],
        }),
      ) as Conversation;
      expect(roles(demoted)[extra.userId]).toBe('');
      const removed = expectMixinOk(
        await as(admin).post(`/conversations/${c.conversation_id}/participants/REMOVE`, {
          body: [{ user_id: extra.userId }],
        }),
      ) as Conversation;
      expect(roles(removed)[extra.userId]).toBeUndefined();
      expectMixinError(
        await as(owner).post(`/conversations/${c.conversation_id}/participants/ADD`, {
          body: { user_id: extra.userId },
        }),
        400,
        /body/,
      );
      expectMixinError(
        await as(owner).post(`/conversations/${c.conversation_id}/participants/ROLE`, {
          body: [{ user_id: extra.userId, role: 'OWNER' }],
        }),
        400,
        /role/,
      );
    });
  });

  describe('invite codes', () => {
    it('join by code_id; rotate (admins) gives a new code and the old one stops working; joining again answers the conversation', async () => {
      const c = await newConversation();
      const joiner = await createNetworkUser(mixin, 'Joiner');
      const joined = expectMixinOk(await as(joiner).post(`/conversations/${c.code_id}/join`)) as Conversation;
      expect(roles(joined)[joiner.userId]).toBe('');
      expect(expectMixinOk(await as(joiner).post(`/conversations/${c.code_id}/join`))).toMatchObject({
        conversation_id: c.conversation_id,
      });
      expectMixinError(await as(member).post(`/conversations/${c.conversation_id}/rotate`), 403);
      const rotated = expectMixinOk(await as(admin).post(`/conversations/${c.conversation_id}/rotate`)) as Conversation;
      expect(rotated.code_id).not.toBe(c.code_id);
      expectMixinError(await as(outsider).post(`/conversations/${c.code_id}/join`), 404);
      expect(
        roles(expectMixinOk(await as(outsider).post(`/conversations/${rotated.code_id}/join`)) as Conversation)[
          outsider.userId
        ],
      ).toBe('');
    });
  });

  describe('exit, mute and disappear', () => {
    it('exit answers the conversation as last seen; the owner cannot exit', async () => {
      const c = await newConversation();
      const lastSeen = expectMixinOk(await as(member).post(`/conversations/${c.conversation_id}/exit`)) as Conversation;
      expect(roles(lastSeen)[member.userId]).toBe('');
      expectMixinError(await as(member).get(`/conversations/${c.conversation_id}`), 404);
      expectMixinError(await as(owner).post(`/conversations/${c.conversation_id}/exit`), 403);
    });

    it("mute sets the caller's own mute_until (0 unmutes); an unknown conversation or an outsider → 403", async () => {
      const c = await newConversation();
      const before = Date.now();
      const muted = expectMixinOk(
        await as(member).post(`/conversations/${c.conversation_id}/mute`, { body: { duration: 28_800 } }),
      );
      expect(Date.parse(muted.mute_until as string)).toBeGreaterThanOrEqual(before + 28_800_000 - 1000);
      expect(expectMixinOk(await as(owner).get(`/conversations/${c.conversation_id}`)).mute_until).toBe(
        '1970-01-01T00:00:00.000000000Z',
      );
      expect(
        expectMixinOk(await as(member).post(`/conversations/${c.conversation_id}/mute`, { body: { duration: 0 } }))
          .mute_until,
      ).toBe('1970-01-01T00:00:00.000000000Z');
      expectMixinError(await as(member).post(`/conversations/${randomUUID()}/mute`, { body: { duration: 60 } }), 403);
      expectMixinError(
        await as(outsider).post(`/conversations/${c.conversation_id}/mute`, { body: { duration: 60 } }),
        403,
      );
      expectMixinError(
        await as(member).post(`/conversations/${c.conversation_id}/mute`, { body: { duration: -1 } }),
        400,
        /duration/,
      );
    });

    it('disappear: admins, 0..12 weeks (expire_in); members may not; more → 400', async () => {
      const c = await newConversation();
      expect(
        expectMixinOk(await as(admin).post(`/conversations/${c.conversation_id}/disappear`, { body: { duration: 30 } }))
          .expire_in,
      ).toBe(30);
      expectMixinError(
        await as(member).post(`/conversations/${c.conversation_id}/disappear`, { body: { duration: 30 } }),
        403,
      );
      expectMixinError(
        await as(owner).post(`/conversations/${c.conversation_id}/disappear`, { body: { duration: 7_257_601 } }),
        400,
        /duration/,
      );
      expect(
        expectMixinOk(await as(owner).post(`/conversations/${c.conversation_id}/disappear`, { body: { duration: 0 } }))
          .expire_in,
      ).toBe(0);
    });
  });
});
