// What one HTTP request costs on the bus, counted through the real built stack: every read route
// (GET) of every dialect and of the native admin API in /openapi.json sends exactly one command, except the routes listed in
// KNOWN_MULTI_HOP with their measured count; the main writes send the commands WRITE_HOPS lists.
// A command is a NATS message on a command subject (not a reply, not JetStream, not an event)
// whose payload carries the HTTP request's id (x-request-id), so nothing else on the bus counts.
import { randomUUID } from 'node:crypto';

import { BusRequestCounter } from '@cohort/testing';

import { ContentApi } from './content-e2e.helpers';
import { createEasemobChatroom, EasemobClient, expectEasemobOk } from './easemob-e2e.helpers';
import { expectOk, type HttpResult, newUserId } from './group-e2e.helpers';
import { HIGH_RATE_LIMIT, useGroupStack } from './group-stack.fixture';
import {
  createConversation,
  createNetworkUser,
  demoAppWithBot,
  MixinClient,
  type MixinKeystore,
} from './mixin-e2e.helpers';

/**
 * Read routes that do not (yet) cost exactly one command, with their measured count: each is
 * asserted exactly, so the test fails when a route changes either way. Fold a route to one hop,
 * then delete its line here. Each comment gives the commands in the order they are sent.
 */
const KNOWN_MULTI_HOP: Record<string, number> = {
  // The gateway's health asks the services with ids of its own: no command carries the request's.
  'GET /health': 0,
  // The gateway's own probes: no command (readiness pings the NATS connection itself).
  'GET /livez': 0,
  'GET /readyz': 0,
  // The console's app-wide counts, each owned by its service (no service holds the others' counts):
  // groups.group.stats, membership.members.stats, audit.entries.stats, webhooks.delivery.backlog, asked together.
  'GET /admin/v1/stats': 4,
};

/**
 * Commands each main write sends (the steps its saga needs), held exactly; docs/architecture.md
 * lists them per route.
 */
const WRITE_HOPS: Record<string, number> = {
  // groups.group.create → membership.roster.initialize → membership.access.get
  'POST /group/create': 3,
  // groups.group.update_profile
  'POST /group/info/{field}': 1,
  // content.announcement.publish
  'POST /group/announcement/edit': 1,
  // groups.group.update_profile
  'PUT /{org}/{app}/chatrooms/{id}': 1,
  // moderation.mutes.mute
  'POST /{org}/{app}/chatrooms/{id}/mute': 1,
  // membership.members.add → moderation.blocks.among (the new users' blocklist entries are asked once, then kept)
  'POST /{org}/{app}/chatrooms/{id}/users': 2,
};

/** What a read or write needs: the suite's users, tokens and the things they act on. */
interface Fixtures {
  groupId: number;
  announcementId: number;
  fileId: number;
  chatroomId: string;
  roomMember: string;
  conversationId: string;
  codeId: string;
  conversationOwner: MixinKeystore;
  webhookId: string;
}

type Call = (requestId: string) => Promise<HttpResult>;

describe('bus hops per HTTP request', () => {
  const { appsJson, bot } = demoAppWithBot();
  const e2e = useGroupStack('bus-hops', {
    db: false,
    env: HIGH_RATE_LIMIT,
    // The admin API's webhook reads need an endpoint: a loopback one, never called.
    appEnv: { gateway: { APPS_JSON: appsJson }, webhooks: { WEBHOOK_ALLOW_NETWORKS: 'loopback' } },
    api: (baseUrl) => new ContentApi(baseUrl),
    // Warm counts: one process per service, so the warm-up and the counted request meet the same
    // PeerFacts (with more, each instance's first request of a group is a cold one).
    instances: 1,
  });
  let counter: BusRequestCounter;
  let easemob: EasemobClient;
  let mixin: MixinClient;
  let f: Fixtures;

  beforeAll(async () => {
    counter = await BusRequestCounter.open(e2e.stack.natsUrl, { keepMessages: true });
    easemob = new EasemobClient(e2e.stack.baseUrl);
    mixin = new MixinClient(e2e.stack.baseUrl, bot);
    f = await seed();
  });

  afterAll(async () => {
    await counter?.close();
  });

  /**
   * A private group of the owner with the member in it, an announcement, a file, a muted member,
   * a blocked user and an invitation to the outsider; an Easemob chatroom with a member, an admin,
   * a muted, a blocked and an allowlisted user and an announcement; a super admin; a Mixin conversation.
   */
  async function seed(): Promise<Fixtures> {
    const { api, tokens, users } = e2e;
    const group = await api.createGroup(tokens.owner, { user_list: [users.member] });
    const groupId = group.group_id;
    const announcement = await api.published(tokens.owner, groupId, 'hops');
    const file = await api.uploaded(tokens.owner, groupId, 'hops.pdf');
    expectOk(await api.groupCall('POST', 'ban', tokens.owner, groupId, { user_list: [users.member], duration: -1 }));
    expectOk(await api.groupCall('POST', 'block', tokens.owner, groupId, { user_list: [newUserId()] }));
    expectOk(await api.groupCall('POST', 'invite', tokens.owner, groupId, { user_list: [users.outsider] }));

    const [owner, member, admin, muted, blocked] = ['owner', 'member', 'admin', 'muted', 'blocked'].map(
      (role) => `hops_${role}_${randomUUID().slice(0, 8)}`,
    );
    const chatroomId = await createEasemobChatroom(easemob, { owner, members: [member, admin, muted, blocked] });
    const room = `/chatrooms/${chatroomId}`;
    expectEasemobOk(await easemob.post(`${room}/admin`, { body: { newadmin: admin } }));
    expectEasemobOk(await easemob.post(`${room}/mute`, { body: { usernames: [muted], mute_duration: 60_000 } }));
    expectEasemobOk(await easemob.post(`${room}/blocks/users/${blocked}`));
    expectEasemobOk(await easemob.post(`${room}/white/users/${member}`));
    expectEasemobOk(await easemob.post(`${room}/announcement`, { body: { announcement: 'hops' } }));
    expectEasemobOk(await easemob.post('/chatrooms/super_admin', { body: { superadmin: owner } }));

    const [conversationOwner, participant] = await Promise.all([
      createNetworkUser(mixin, 'Owner'),
      createNetworkUser(mixin, 'Participant'),
    ]);
    const conversation = await createConversation(mixin, conversationOwner, [participant], 'hops');
    const webhook = await e2e.api.call('POST', '/admin/v1/webhooks', {
      ...asAppAdmin(),
      body: { url: 'http://127.0.0.1:9/hops', description: 'hops' },
    });
    expect({ status: webhook.status, body: webhook.body }).toEqual({ status: 200, body: webhook.body });
    return {
      webhookId: String(webhook.body.endpointId),
      groupId,
      announcementId: announcement.id,
      fileId: file.file_id,
      chatroomId,
      roomMember: member,
      conversationId: conversation.conversation_id,
      codeId: String(conversation.code_id),
      conversationOwner,
    };
  }

  /** `GET /group/<path>` as the owner (or `token`) with `group_id` and `query`, under the request id. */
  const groupRead =
    (path: string, query: Record<string, string | number> = {}, token: () => string = () => e2e.tokens.owner): Call =>
    (requestId) =>
      e2e.api.get(`/group/${path}`, {
        token: token(),
        query: { group_id: f.groupId, ...query },
        headers: { 'x-request-id': requestId },
      });
  /** `GET /{org}/{app}<path>` with the app's token, under the request id. */
  const easemobRead =
    (path: () => string, query?: Record<string, string | number>): Call =>
    (requestId) =>
      easemob.get(path(), { query, headers: { 'x-request-id': requestId } });

  /** The native admin API's authentication: the app's token as a bearer. */
  const asAppAdmin = () => ({ token: e2e.tokens.app, auth: 'bearer' as const, query: { app_id: null } });
  /** `GET /admin/v1<path>` as the app admin, under the request id. */
  const adminRead =
    (path: () => string): Call =>
    (requestId) =>
      e2e.api.get(`/admin/v1${path()}`, { ...asAppAdmin(), headers: { 'x-request-id': requestId } });
  const adminGroup = (path = '') => adminRead(() => `/groups/${f.groupId}${path}`);

  /** One valid request per GET route of /openapi.json, keyed `GET <path as documented>`. */
  const READS: Record<string, Call> = {
    'GET /health': (requestId) =>
      e2e.api.get('/health', { query: { app_id: null }, headers: { 'x-request-id': requestId } }),
    'GET /livez': (requestId) =>
      e2e.api.get('/livez', { query: { app_id: null }, headers: { 'x-request-id': requestId } }),
    'GET /readyz': (requestId) =>
      e2e.api.get('/readyz', { query: { app_id: null }, headers: { 'x-request-id': requestId } }),
    'GET /group/info': groupRead('info'),
    'GET /group/public_list': groupRead('public_list'),
    'GET /group/settings': groupRead('settings'),
    'GET /group/member_list': groupRead('member_list'),
    'GET /group/user_joined': groupRead('user_joined'),
    'GET /group/admin_list': groupRead('admin_list'),
    // Without group_id: the invitations the caller received.
    'GET /group/invitation_list': (requestId) =>
      e2e.api.get('/group/invitation_list', { token: e2e.tokens.outsider, headers: { 'x-request-id': requestId } }),
    'GET /group/qrcode/sign': groupRead('qrcode/sign'),
    'GET /group/banned_list': groupRead('banned_list'),
    'GET /group/blocked_list': groupRead('blocked_list'),
    'GET /group/send_check': groupRead('send_check', { user_id: e2e.users.member }, () => e2e.tokens.app),
    'GET /group/announcement': (requestId) =>
      groupRead('announcement', { announcement_id: f.announcementId })(requestId),
    'GET /group/announcement/last': groupRead('announcement/last'),
    'GET /group/announcement/list': groupRead('announcement/list'),
    'GET /group/file': (requestId) => groupRead('file', { file_id: f.fileId })(requestId),
    'GET /group/file/list': groupRead('file/list'),
    'GET /{org}/{app}/chatrooms/super_admin': easemobRead(() => '/chatrooms/super_admin'),
    'GET /{org}/{app}/chatrooms': easemobRead(() => '/chatrooms'),
    'GET /{org}/{app}/chatrooms/{id}': easemobRead(() => `/chatrooms/${f.chatroomId}`),
    'GET /{org}/{app}/chatrooms/{id}/users': easemobRead(() => `/chatrooms/${f.chatroomId}/users`, {
      pagenum: 1,
      pagesize: 20,
    }),
    'GET /{org}/{app}/chatrooms/{id}/admin': easemobRead(() => `/chatrooms/${f.chatroomId}/admin`),
    'GET /{org}/{app}/users/{username}/joined_chatrooms': easemobRead(() => `/users/${f.roomMember}/joined_chatrooms`),
    'GET /{org}/{app}/chatrooms/{id}/mute': easemobRead(() => `/chatrooms/${f.chatroomId}/mute`),
    'GET /{org}/{app}/chatrooms/{id}/blocks/users': easemobRead(() => `/chatrooms/${f.chatroomId}/blocks/users`),
    'GET /{org}/{app}/chatrooms/{id}/white/users': easemobRead(() => `/chatrooms/${f.chatroomId}/white/users`),
    'GET /{org}/{app}/chatgroups/{group_id}/mute': easemobRead(() => `/chatgroups/${f.groupId}/mute`),
    'GET /{org}/{app}/chatrooms/{id}/announcement': easemobRead(() => `/chatrooms/${f.chatroomId}/announcement`),
    'GET /conversations/{id}': (requestId) =>
      mixin.as(f.conversationOwner).get(`/conversations/${f.conversationId}`, { requestId }),
    'GET /codes/{id}': (requestId) => mixin.as(f.conversationOwner).get(`/codes/${f.codeId}`, { requestId }),
    // The recipients view, for the app's message server.
    'GET /group/recipients': groupRead('recipients', {}, () => e2e.tokens.app),
    // The native admin API (the console's).
    'GET /admin/v1/groups': adminRead(() => '/groups'),
    'GET /admin/v1/groups/{groupId}': adminGroup(),
    'GET /admin/v1/groups/{groupId}/members': adminGroup('/members'),
    'GET /admin/v1/groups/{groupId}/members/{userId}': adminGroup(`/members/${e2e.users.member}`),
    'GET /admin/v1/groups/{groupId}/mutes': adminGroup('/mutes'),
    'GET /admin/v1/groups/{groupId}/blocks': adminGroup('/blocks'),
    'GET /admin/v1/groups/{groupId}/allowlist': adminGroup('/allowlist'),
    'GET /admin/v1/groups/{groupId}/announcements': adminGroup('/announcements'),
    'GET /admin/v1/groups/{groupId}/files': adminGroup('/files'),
    'GET /admin/v1/groups/{groupId}/attributes': adminRead(() => `/groups/${f.chatroomId}/attributes`),
    'GET /admin/v1/audit': adminRead(() => '/audit'),
    'GET /admin/v1/stats': adminRead(() => '/stats'),
    'GET /admin/v1/webhooks': adminRead(() => '/webhooks'),
    'GET /admin/v1/webhooks/{id}': adminRead(() => `/webhooks/${f.webhookId}`),
    'GET /admin/v1/webhooks/{id}/deliveries': adminRead(() => `/webhooks/${f.webhookId}/deliveries`),
  };

  /** The main writes of the routes benchmark, each once more on the seeded group and chatroom. */
  const WRITES: Record<string, Call> = {
    'POST /group/create': (requestId) =>
      e2e.api.post('/group/create', {
        token: e2e.tokens.owner,
        body: { name: 'hops', user_list: [e2e.users.member] },
        headers: { 'x-request-id': requestId },
      }),
    'POST /group/info/{field}': (requestId) =>
      e2e.api.post('/group/info/name', {
        token: e2e.tokens.owner,
        body: { group_id: f.groupId, value: 'renamed' },
        headers: { 'x-request-id': requestId },
      }),
    'POST /group/announcement/edit': (requestId) =>
      e2e.api.post('/group/announcement/edit', {
        token: e2e.tokens.owner,
        body: { group_id: f.groupId, title: 'again', content: 'again' },
        headers: { 'x-request-id': requestId },
      }),
    'PUT /{org}/{app}/chatrooms/{id}': (requestId) =>
      easemob.put(`/chatrooms/${f.chatroomId}`, {
        body: { description: 'hops' },
        headers: { 'x-request-id': requestId },
      }),
    'POST /{org}/{app}/chatrooms/{id}/mute': (requestId) =>
      easemob.post(`/chatrooms/${f.chatroomId}/mute`, {
        body: { usernames: [f.roomMember], mute_duration: 60_000 },
        headers: { 'x-request-id': requestId },
      }),
    'POST /{org}/{app}/chatrooms/{id}/users': (requestId) =>
      easemob.post(`/chatrooms/${f.chatroomId}/users`, {
        body: { usernames: [`hops_new_${randomUUID().slice(0, 8)}`] },
        headers: { 'x-request-id': requestId },
      }),
  };

  /**
   * The commands `call` caused on the bus (their subjects, in order), once it has answered 2xx —
   * warm: after the same call once, so facts the services keep of each other (PeerFacts) are held.
   */
  async function commandsOf(call: Call): Promise<string[]> {
    await call(`hops-warmup-${randomUUID()}`);
    const requestId = `hops-${randomUUID()}`;
    const res = await call(requestId);
    const ok = res.status >= 200 && res.status < 300 && (res.body?.code === undefined || res.body.code === 200);
    expect({ ok, status: res.status, body: res.body }).toEqual({ ok: true, status: res.status, body: res.body });
    await counter.settle();
    return counter.subjectsOf(requestId);
  }

  it('every GET route of /openapi.json has its read here (a new route cannot escape the count)', async () => {
    const document = (await (await fetch(`${e2e.stack.baseUrl}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(document.paths)
      .filter(([, operations]) => 'get' in operations)
      .map(([path]) => `GET ${path}`);
    expect({
      withoutRead: documented.filter((route) => !(route in READS)),
      undocumented: Object.keys(READS).filter((route) => !documented.includes(route)),
    }).toEqual({ withoutRead: [], undocumented: [] });
  });

  it.each(Object.keys(READS))('%s sends one command (or its KNOWN_MULTI_HOP count)', async (route) => {
    const subjects = await commandsOf(READS[route]);
    expect({ route, commands: subjects.length, subjects: subjects.join(' → ') }).toEqual({
      route,
      commands: KNOWN_MULTI_HOP[route] ?? 1,
      subjects: subjects.join(' → '),
    });
  });

  it.each(Object.keys(WRITES))('%s sends the commands WRITE_HOPS lists', async (route) => {
    const subjects = await commandsOf(WRITES[route]);
    expect({ route, commands: subjects.length, subjects: subjects.join(' → ') }).toEqual({
      route,
      commands: WRITE_HOPS[route],
      subjects: subjects.join(' → '),
    });
  });
});
