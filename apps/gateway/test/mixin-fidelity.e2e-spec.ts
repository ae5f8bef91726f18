// What Mixin's clients send as they send it: Go SDKs drop empty values (`omitempty`), so an
// omitted field means what Mixin's server takes it to mean.
import { randomUUID } from 'node:crypto';

import { HIGH_RATE_LIMIT, useGroupStack } from './group-stack.fixture';
import {
  createNetworkUser,
  demoAppWithBot,
  expectMixinError,
  expectMixinOk,
  MixinClient,
  type MixinKeystore,
} from './mixin-e2e.helpers';

type Conversation = Record<string, unknown> & {
  conversation_id: string;
  code_id: string;
  code_url: string;
  announcement: string;
  participants: { user_id: string; role: string }[];
  participant_sessions: { user_id: string; session_id: string }[];
};

describe('Mixin fidelity', () => {
  const { appsJson, bot } = demoAppWithBot();
  // The app's console settings: new conversations hold 1,500 members.
  const withCapacity = JSON.stringify(JSON.parse(appsJson).map((app: object) => ({ ...app, defaultCapacity: 1500 })));
  const e2e = useGroupStack('mixin-fidelity', {
    db: false,
    env: { ...HIGH_RATE_LIMIT, BUS_TIMEOUT_MS: '60000' },
    appEnv: { gateway: { APPS_JSON: withCapacity, PUBLIC_BASE_URL: 'https://chat.example.com' } },
  });
  let mixin: MixinClient;
  let owner: MixinKeystore;
  let admin: MixinKeystore;

  beforeAll(async () => {
    mixin = new MixinClient(e2e.stack.baseUrl, bot);
    [owner, admin] = await Promise.all(['Owner', 'Admin'].map((name) => createNetworkUser(mixin, name)));
  });

  const as = (user: MixinKeystore) => mixin.as(user);
  const roles = (c: Conversation) => Object.fromEntries(c.participants.map((p) => [p.user_id, p.role]));

  describe('omitted optional fields (Go clients, omitempty)', () => {
    it('ROLE with [{"user_id"}] and no role revokes the admin, as mixin-sdk-go sends it', async () => {
      const id = randomUUID();
      expectMixinOk(
        await as(owner).post('/conversations', {
          body: { category: 'GROUP', conversation_id: id, name: 'go', participants: [{ user_id: admin.userId }] },
        }),
      );
      const promoted = expectMixinOk(
        await as(owner).post(`/conversations/${id}/participants/ROLE`, {
          body: [{ user_id: admin.userId, role: 'ADMIN' }],
        }),
      ) as Conversation;
      expect(roles(promoted)[admin.userId]).toBe('ADMIN');
      // mixin-sdk-go v2.1.3's RevokeAdmin: Participant{UserID} with `role,omitempty`, byte for byte.
      const revoked = expectMixinOk(
        await as(owner).post(`/conversations/${id}/participants/ROLE`, { body: `[{"user_id":"${admin.userId}"}]` }),
      ) as Conversation;
      expect(roles(revoked)[admin.userId]).toBe('');
    });

    it('create without participants, mute and disappear without duration (0)', async () => {
      const id = randomUUID();
      const created = expectMixinOk(
        await as(owner).post('/conversations', {
          body: `{"category":"GROUP","conversation_id":"${id}","name":"alone"}`,
        }),
      ) as Conversation;
      expect(roles(created)).toEqual({ [owner.userId]: 'OWNER' });
      expectMixinOk(await as(owner).post(`/conversations/${id}/mute`, { body: { duration: 3600 } }));
      const unmuted = expectMixinOk(await as(owner).post(`/conversations/${id}/mute`, { body: {} }));
      expect(unmuted.mute_until).toBe('1970-01-01T00:00:00.000000000Z');
      expectMixinOk(await as(owner).post(`/conversations/${id}/disappear`, { body: { duration: 60 } }));
      expect(expectMixinOk(await as(owner).post(`/conversations/${id}/disappear`, { body: {} })).expire_in).toBe(0);
    });
  });

  describe('capacity', () => {
    it("a conversation holds the app's default capacity, and lists every participant: more than 1,000", async () => {
      const id = randomUUID();
      const participants = Array.from({ length: 1200 }, () => ({ user_id: randomUUID() }));
      const created = expectMixinOk(
        await as(owner).post('/conversations', { body: { category: 'GROUP', conversation_id: id, participants } }),
      ) as Conversation;
      // Every participant (the old cut was 1,000), and sessions only for those who registered one.
      expect(created.participants).toHaveLength(1201);
      expect(expectMixinOk(await as(owner).get(`/conversations/${id}`)).participants).toHaveLength(1201);
      expect(created.participant_sessions).toEqual([{ user_id: owner.userId, session_id: owner.sessionId }]);
      const info = await fetch(new URL(`/group/info?group_id=${id}&app_id=demo`, e2e.stack.baseUrl), {
        headers: { 'access-token': e2e.tokens.app },
      });
      expect(((await info.json()) as { data: { capacity: number } }).data.capacity).toBe(1500);
    });
  });

  describe('no undocumented caps', () => {
    it('ADD and REMOVE of 150 participants in one call', async () => {
      const id = randomUUID();
      expectMixinOk(await as(owner).post('/conversations', { body: { category: 'GROUP', conversation_id: id } }));
      const users = Array.from({ length: 150 }, () => ({ user_id: randomUUID() }));
      expect(
        (expectMixinOk(await as(owner).post(`/conversations/${id}/participants/ADD`, { body: users })) as Conversation)
          .participants,
      ).toHaveLength(151);
      expect(
        (
          expectMixinOk(
            await as(owner).post(`/conversations/${id}/participants/REMOVE`, { body: users }),
          ) as Conversation
        ).participants,
      ).toHaveLength(1);
    });
  });

  describe('codes and announcements', () => {
    it('GET /codes/{code_id} answers the conversation the code joins, to anyone holding it; a rotated code → 404', async () => {
      const outsider = await createNetworkUser(mixin, 'Outsider');
      const id = randomUUID();
      const created = expectMixinOk(
        await as(owner).post('/conversations', {
          body: { category: 'GROUP', conversation_id: id, name: 'coded', participants: [{ user_id: admin.userId }] },
        }),
      ) as Conversation;
      expect(created.code_url).toBe(`https://chat.example.com/codes/${created.code_id}`);
      const viaCode = expectMixinOk(await as(outsider).get(`/codes/${created.code_id}`)) as Conversation;
      expect(viaCode).toMatchObject({
        type: 'conversation',
        conversation_id: id,
        name: 'coded',
        code_id: created.code_id,
      });
      expect(viaCode.participants).toHaveLength(2);
      const rotated = expectMixinOk(await as(owner).post(`/conversations/${id}/rotate`)) as Conversation;
      expectMixinError(await as(outsider).get(`/codes/${created.code_id}`), 404);
      expect(expectMixinOk(await as(outsider).get(`/codes/${rotated.code_id}`))).toMatchObject({ conversation_id: id });
    });

    it('an empty announcement clears it', async () => {
      const id = randomUUID();
      expectMixinOk(await as(owner).post('/conversations', { body: { category: 'GROUP', conversation_id: id } }));
      expect(
        expectMixinOk(await as(owner).post(`/conversations/${id}`, { body: { announcement: 'Welcome' } })).announcement,
      ).toBe('Welcome');
      expect(
        expectMixinOk(await as(owner).post(`/conversations/${id}`, { body: { announcement: '' } })).announcement,
      ).toBe('');
      expect(expectMixinOk(await as(owner).get(`/conversations/${id}`)).announcement).toBe('');
    });
  });
});
