// What the webhooks e2e suites share: a stack whose webhooks service may call loopback receivers,
// the admin API client, and a scenario that makes every event type happen.
import { EVENT_TYPES } from '@cohort/contracts';
import { type Stack, startStack } from '@cohort/testing';

import type { ContentApi } from './content-e2e.helpers';
import { EasemobClient, expectEasemobOk } from './easemob-e2e.helpers';
import { CLIENT_ID, CLIENT_SECRET, expectOk, type HttpResult, newUserId } from './group-e2e.helpers';
import { HIGH_RATE_LIMIT } from './group-stack.fixture';

/** Short backoff and breaker settings: retries run in milliseconds instead of minutes. */
export const FAST_RETRIES = {
  WEBHOOK_ALLOW_NETWORKS: 'loopback',
  WEBHOOK_RETRY_BASE_MS: '20',
  WEBHOOK_RETRY_MAX_DELAY_MS: '200',
  WEBHOOK_BREAKER_THRESHOLD: '3',
  WEBHOOK_BREAKER_COOLDOWN_MS: '100',
  WEBHOOK_BREAKER_MAX_COOLDOWN_MS: '300',
  WEBHOOK_POLL_MS: '50',
};

/** The demo app, with `webhooks` when given (APPS_JSON for the gateway and the webhooks service). */
export const appsJson = (webhooks: unknown[] = []) =>
  JSON.stringify([
    { appId: 'demo', orgName: 'demo', appName: 'demo', clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, webhooks },
  ]);

export async function startWebhooksStack(
  suite: string,
  options: { webhooks?: unknown[]; instances?: number } = {},
): Promise<Stack> {
  return startStack({
    suite,
    env: { ...HIGH_RATE_LIMIT, APPS_JSON: appsJson(options.webhooks) },
    appEnv: { webhooks: FAST_RETRIES },
    instances: options.instances,
  });
}

/** The admin API with an app token. */
export class AdminWebhooks {
  constructor(
    private readonly api: ContentApi,
    private readonly token: string,
  ) {}

  call(method: string, path: string, body?: unknown, token = this.token): Promise<HttpResult> {
    return this.api.call(method, `/admin/v1/webhooks${path}`, {
      token,
      auth: 'bearer',
      query: { app_id: null },
      ...(body === undefined ? {} : { body }),
    });
  }

  /** POST /admin/v1/webhooks; asserts 200 and returns the endpoint with its secret. */
  async create(body: Record<string, unknown>): Promise<{ endpointId: string; secret: string }> {
    const res = await this.call('POST', '', body);
    expect(res.status).toBe(200);
    return res.body;
  }
}

/** Every event type that reached a receiver's accepted requests (standard bodies). */
export const typesOf = (bodies: { json: Record<string, unknown> }[]) => new Set(bodies.map((b) => String(b.json.type)));

/** Ids: a group (private, /group) and a chatroom (Easemob), each with its own events. */
export interface Scenario {
  groupId: string;
  roomId: string;
}

/**
 * Makes every event type of docs/events.md happen, through the dialects: a group's whole life on
 * /group (and a member mute through Easemob), a chatroom's allowlist and attributes through Easemob.
 */
export async function everyEventType(api: ContentApi, appToken: string): Promise<Scenario> {
  const [owner, a, b, c, d, e] = Array.from({ length: 6 }, () => newUserId());
  const ownerToken = await api.token(owner);
  const group = await api.createGroup(appToken, { user_list: [a, b, e] }, { user_id: owner });
  const g = group.group_id;
  const ok = async (res: Promise<HttpResult>) => expectOk(await res);
  await ok(api.put('/group/info/name', { token: ownerToken, body: { group_id: g, value: 'renamed' } }));
  await ok(api.groupCall('PUT', 'settings/allow_member_invitation', ownerToken, g, { value: true }));
  await ok(api.groupCall('PUT', 'msg/push_mode', ownerToken, g, { msg_push_mode: 2 }));
  await ok(api.groupCall('POST', 'settings/ban_all', appToken, g, { duration: -1 }));
  await ok(api.groupCall('POST', 'settings/unban_all', appToken, g));
  await ok(api.groupCall('POST', 'admin/add', ownerToken, g, { user_list: [a] }));
  await ok(api.groupCall('DELETE', 'admin/remove', ownerToken, g, { user_list: [a] }));
  await ok(api.groupCall('POST', 'ban', appToken, g, { user_list: [b], duration: 10 }));
  await ok(api.groupCall('POST', 'unban', appToken, g, { user_list: [b] }));
  await ok(api.groupCall('POST', 'block', appToken, g, { user_list: [b] }));
  await ok(api.groupCall('DELETE', 'unblock', appToken, g, { user_list: [b] }));
  await ok(api.groupCall('PUT', 'settings/require_admin_approval', ownerToken, g, { apply_approval: 1 }));
  await ok(api.groupCall('POST', 'apply', await api.token(c), g, { reason: 'let me in' }));
  await ok(api.groupCall('PUT', 'apply/handle', ownerToken, g, { user_id: c, approval: true }));
  await ok(api.groupCall('POST', 'invite', ownerToken, g, { user_list: [d] }));
  await ok(api.groupCall('PUT', 'invite/handle', await api.token(d), g, { user_id: owner, approval: true }));
  const announcement = await api.groupCall('POST', 'announcement/edit', ownerToken, g, {
    title: 't',
    content: 'hello',
  });
  expectOk(announcement);
  await ok(
    api.call('DELETE', '/group/announcement/delete', {
      token: ownerToken,
      query: { group_id: g, announcement_id: announcement.body.data.id },
    }),
  );
  const file = await api.uploaded(ownerToken, g, 'notes.pdf');
  await ok(api.renameFile('PUT', ownerToken, g, file.file_id, 'renamed.pdf'));
  await ok(api.deleteFiles('DELETE', ownerToken, g, [file.file_id]));
  await ok(api.groupCall('DELETE', 'kick', ownerToken, g, { user_list: [a] }));
  await ok(api.call('DELETE', '/group/leave', { token: await api.token(e), query: { group_id: g } }));
  await ok(api.groupCall('PUT', 'transfer', ownerToken, g, { new_owner: c }));
  await ok(api.post('/group/destroy', { token: appToken, query: { group_id: g } }));

  const easemob = new EasemobClient(api.baseUrl);
  const [roomOwner, m1] = [newUserId(), newUserId()];
  const room = (
    expectEasemobOk(
      await easemob.post('/chatrooms', {
        body: { name: 'lobby', description: 'd', maxusers: 300, owner: roomOwner, members: [m1] },
      }),
    ) as { id: string }
  ).id;
  expectEasemobOk(await easemob.post(`/chatrooms/${room}/white/users/${m1}`));
  expectEasemobOk(await easemob.delete(`/chatrooms/${room}/white/users/${m1}`));
  expectEasemobOk(
    await easemob.put(`/metadata/chatroom/${room}/user/${m1}`, {
      body: { metaData: { seat: '1' }, autoDelete: 'DELETE' },
    }),
  );
  return { groupId: String(g), roomId: room };
}

/** Event types the scenario makes (all of them). */
export const ALL_TYPES = new Set<string>(EVENT_TYPES);
