// Webhooks through the real built stack and real HTTP receivers started here: every event type to
// a `standard` endpoint (verified with the standardwebhooks package), Easemob's callback for a
// member mute, retries through 500 / 429 / an outage, secret rotation, replay, the admin API's
// validation. Backoff runs in milliseconds (FAST_RETRIES): the schedule is config, not sleeping.
import { createHash } from 'node:crypto';

import { pollUntil, type Stack } from '@cohort/testing';
import { Webhook } from 'standardwebhooks';

import { ContentApi } from './content-e2e.helpers';
import { EasemobClient, expectEasemobOk } from './easemob-e2e.helpers';
import { newUserId, sleep } from './group-e2e.helpers';
import { type Received, WebhookReceiver } from './webhook-receiver';
import { AdminWebhooks, ALL_TYPES, everyEventType, startWebhooksStack, typesOf } from './webhooks-e2e.helpers';

const EASEMOB_SECRET = 'easemob-callback-secret-0123';

/** The standard bodies of `received`, grouped by group id, each group's sequences in arrival order. */
function sequencesByGroup(received: Received[]): Map<string, number[]> {
  const byGroup = new Map<string, number[]>();
  for (const r of received) {
    const groupId = String(r.json.groupId);
    byGroup.set(groupId, [...(byGroup.get(groupId) ?? []), Number(r.json.sequence)]);
  }
  return byGroup;
}

const increasing = (values: number[]) => values.every((v, i) => i === 0 || v > values[i - 1]);

/** Standard Webhooks' verification, as a receiver runs it; throws when the signature is wrong. */
const verify = (secret: string, r: Received) => new Webhook(secret).verify(r.body, r.headers as Record<string, string>);

describe('webhooks', () => {
  let stack: Stack;
  let api: ContentApi;
  let admin: AdminWebhooks;
  let appToken: string;
  let easemobReceiver: WebhookReceiver;

  beforeAll(async () => {
    easemobReceiver = await WebhookReceiver.start();
    stack = await startWebhooksStack('webhooks', {
      webhooks: [
        {
          url: easemobReceiver.url,
          secret: EASEMOB_SECRET,
          format: 'easemob',
          events: ['member.muted', 'member.unmuted'],
        },
      ],
    });
    api = new ContentApi(stack.baseUrl);
    appToken = await api.token();
    admin = new AdminWebhooks(api, appToken);
  });

  afterAll(async () => {
    await stack?.stop();
    await easemobReceiver?.stop();
  });

  describe('the admin API', () => {
    it('lists the endpoints of the app config, read-only', async () => {
      const res = await admin.call('GET', '');
      expect(res.status).toBe(200);
      const [configured] = res.body.items;
      expect(configured).toMatchObject({
        url: easemobReceiver.url,
        format: 'easemob',
        source: 'config',
        events: ['member.muted', 'member.unmuted'],
      });
      expect(configured).not.toHaveProperty('secret');
      expect((await admin.call('PATCH', `/${configured.endpointId}`, { disabled: true })).status).toBe(409);
      expect((await admin.call('DELETE', `/${configured.endpointId}`)).status).toBe(409);
    });

    it.each([
      [{ url: 'ftp://example.com/hook' }, 'url'],
      [{ url: 'http://10.0.0.7/hook' }, 'url'],
      [{ url: 'http://169.254.169.254/latest' }, 'url'],
      [{ url: 'http://127.0.0.1:1/hook', secret: 'whsec_c2hvcnQ=' }, 'secret'],
      [{ url: 'http://127.0.0.1:1/hook', secret: 'not-a-whsec-secret-at-all' }, 'secret'],
      [{ url: 'http://127.0.0.1:1/hook', format: 'easemob', secret: 'short' }, 'secret'],
      [{ url: 'http://127.0.0.1:1/hook', events: ['member.exploded'] }, 'events'],
      [{ url: 'http://127.0.0.1:1/hook', format: 'xml' }, 'format'],
    ])('refuses %j with 400 naming %s', async (body, field) => {
      const res = await admin.call('POST', '', body);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        error: 'invalid_parameter',
        message: expect.stringMatching(new RegExp(`^${field}: `)),
      });
    });

    it('answers 403 to a user token (as every /admin/v1 route), 404 to an unknown id', async () => {
      const userToken = await admin.call('GET', '', undefined, await api.token(newUserId()));
      expect(userToken).toMatchObject({
        status: 403,
        body: { error: 'forbidden', message: 'the admin API takes an app-admin token, not a user token' },
      });
      expect((await admin.call('GET', '/wh_unknown')).status).toBe(404);
    });

    it('pings an endpoint (test) with a verifiable standard request', async () => {
      const receiver = await WebhookReceiver.start();
      try {
        const { endpointId, secret } = await admin.create({ url: receiver.url, description: 'ping me' });
        expect(secret).toMatch(/^whsec_/);
        const res = await admin.call('POST', `/${endpointId}/test`);
        expect(res.body).toMatchObject({ ok: true, status: 200, error: null });
        const [ping] = receiver.accepted();
        expect(verify(secret, ping)).toMatchObject({ type: 'ping', appId: 'demo', data: { endpointId } });
        expect((await admin.call('DELETE', `/${endpointId}`)).body).toEqual({ deleted: true });
      } finally {
        await receiver.stop();
      }
    });
  });

  describe('delivery', () => {
    it('every event type reaches a standard endpoint once, verifiable, in per-group order; a replay sends a time range again to another URL', async () => {
      const receiver = await WebhookReceiver.start();
      const replayReceiver = await WebhookReceiver.start();
      try {
        const { endpointId, secret } = await admin.create({ url: receiver.url, events: ['*'] });
        const from = Date.now();
        const scenario = await everyEventType(api, appToken);
        const to = Date.now() + 1;
        await pollUntil(() => typesOf(receiver.accepted()).size === ALL_TYPES.size, { timeoutMs: 30_000 });
        const deliveries = await pollUntil(async () => {
          const res = await admin.call('GET', `/${endpointId}/deliveries`, undefined);
          return res.body.items.length > 0 && res.body.items.every((d: { state: string }) => d.state === 'succeeded')
            ? res.body
            : null;
        });
        const received = receiver.accepted();
        expect(typesOf(received)).toEqual(ALL_TYPES);
        for (const r of received)
          expect(verify(secret, r)).toMatchObject({ appId: 'demo', eventId: r.headers['webhook-id'] });
        const ids = received.map((r) => r.headers['webhook-id']);
        expect(new Set(ids).size).toBe(ids.length);
        const byGroup = sequencesByGroup(received);
        expect([...byGroup.keys()].sort()).toEqual([scenario.groupId, scenario.roomId].sort());
        for (const sequences of byGroup.values()) expect(increasing(sequences)).toBe(true);
        expect(deliveries.total).toBe(received.length);

        const replay = await admin.call('POST', `/${endpointId}/replay`, { from, to, url: replayReceiver.url });
        expect(replay.body).toEqual({ replayId: expect.any(String), queued: received.length });
        await pollUntil(() => replayReceiver.accepted().length === received.length, { timeoutMs: 30_000 });
        const replayed = replayReceiver.accepted();
        expect(replayed.map((r) => r.headers['webhook-id']).sort()).toEqual([...ids].sort());
        for (const sequences of sequencesByGroup(replayed).values()) expect(increasing(sequences)).toBe(true);
        for (const r of replayed) verify(secret, r);
      } finally {
        await receiver.stop();
        await replayReceiver.stop();
      }
    });

    it("an Easemob member mute reaches an easemob endpoint with Easemob's body and a security that verifies", async () => {
      const owner = newUserId();
      const member = newUserId();
      const group = await api.createGroup(appToken, { user_list: [member] }, { user_id: owner });
      const easemob = new EasemobClient(stack.baseUrl);
      expectEasemobOk(
        await easemob.post(`/chatgroups/${group.group_id}/mute`, {
          body: { usernames: [member], mute_duration: 60_000 },
        }),
      );
      expectEasemobOk(await easemob.delete(`/chatgroups/${group.group_id}/mute/${member}`));
      const [muted, unmuted] = await pollUntil(() => {
        const mine = easemobReceiver.accepted().filter((r) => r.json.id === String(group.group_id));
        return mine.length === 2 ? mine : null;
      });
      expect(muted.json).toEqual({
        callId: expect.stringMatching(/^demo#demo_[0-9a-f-]{36}$/),
        security: expect.stringMatching(/^[0-9a-f]{32}$/),
        payload: { member: [member], expire_timestamp: expect.any(Number), type: 'ADD' },
        appkey: 'demo#demo',
        id: String(group.group_id),
        type: 'GROUP',
        event: 'group_op_event',
        operation: 'MUTE',
        operator: '@ppAdmin',
        timestamp: expect.any(Number),
      });
      expect(muted.json.payload).toMatchObject({ expire_timestamp: expect.any(Number) });
      expect(unmuted.json).toMatchObject({ operation: 'MUTE', payload: { member: [member], type: 'REMOVE' } });
      for (const { json } of [muted, unmuted]) {
        const security = createHash('md5')
          .update(`${String(json.callId)}${EASEMOB_SECRET}${String(json.timestamp)}`)
          .digest('hex');
        expect(json.security).toBe(security);
      }
    });

    it('through 500s, a 429 with Retry-After and an outage, everything arrives in per-group order; a repeated delivery keeps its webhook-id', async () => {
      const receiver = await WebhookReceiver.start();
      try {
        // 3 × 500, one 429 asking for a second, then down (connections dropped) for 20 attempts:
        // with the default schedule (5 s doubling) 20 attempts span hours, far beyond 2 minutes.
        const OUTAGE = 20;
        receiver.answering((n) =>
          n < 3
            ? { status: 500 }
            : n === 3
              ? { status: 429, headers: { 'retry-after': '1' } }
              : n < 4 + OUTAGE
                ? 'drop'
                : { status: 200 },
        );
        const { endpointId, secret } = await admin.create({
          url: receiver.url,
          events: ['member.muted', 'member.unmuted'],
        });
        const owner = newUserId();
        const members = [newUserId(), newUserId(), newUserId()];
        const groups = [
          await api.createGroup(appToken, { user_list: members }, { user_id: owner }),
          await api.createGroup(appToken, { user_list: members }, { user_id: owner }),
        ];
        for (const member of members) {
          for (const group of groups) {
            expect(
              (await api.groupCall('POST', 'ban', appToken, group.group_id, { user_list: [member], duration: 10 }))
                .status,
            ).toBe(200);
            expect(
              (await api.groupCall('POST', 'unban', appToken, group.group_id, { user_list: [member] })).status,
            ).toBe(200);
          }
        }
        const expected = members.length * groups.length * 2;
        await pollUntil(() => new Set(receiver.accepted().map((r) => r.headers['webhook-id'])).size === expected, {
          timeoutMs: 60_000,
        });
        const accepted = receiver.accepted();
        for (const r of accepted) verify(secret, r);
        for (const sequences of sequencesByGroup(accepted).values()) expect(increasing(sequences)).toBe(true);
        // Only the two groups' first events can fail (each queue waits for its head): 24 failures
        // between them, so one was attempted at least 13 times — with the default schedule (5 s
        // doubling, jittered) 7 attempts already span more than 2 minutes (retry-policy.spec.ts). Every attempt of an event carried
        // its webhook-id, and the deliveries API counts each of them.
        const res = await admin.call('GET', `/${endpointId}/deliveries?limit=100`);
        expect(res.body.items.every((d: { state: string }) => d.state === 'succeeded')).toBe(true);
        const attempts = new Map(
          res.body.items.map((d: { eventId: string; attempts: number }) => [d.eventId, d.attempts]),
        );
        for (const [eventId, count] of attempts)
          expect(receiver.received.filter((r) => r.headers['webhook-id'] === eventId)).toHaveLength(count as number);
        expect(Math.max(...(attempts.values() as Iterable<number>))).toBeGreaterThanOrEqual(13);
        expect(receiver.received).toHaveLength(expected + 4 + OUTAGE);
        // Retry-After: 1 held that event's next attempt back at least a second.
        const limited = receiver.received.find((r) => r.status === 429) as Received;
        const after = receiver.received.find(
          (r) => r.at >= limited.at && r !== limited && r.headers['webhook-id'] === limited.headers['webhook-id'],
        ) as Received;
        expect(after.at - limited.at).toBeGreaterThanOrEqual(1_000);
        // The breaker opened during the outage and closed with the first success.
        expect((await admin.call('GET', `/${endpointId}`)).body.breaker).toEqual({
          state: 'closed',
          consecutiveFailures: 0,
          openUntil: null,
        });
      } finally {
        await receiver.stop();
      }
    });

    it('after a rotation both secrets sign during the grace period; the deliveries API pages by cursor and filters by state', async () => {
      const receiver = await WebhookReceiver.start();
      try {
        const { endpointId, secret: oldSecret } = await admin.create({ url: receiver.url, events: ['member.muted'] });
        const rotated = await admin.call('POST', `/${endpointId}/rotate-secret`, { graceSeconds: 3600 });
        expect(rotated.status).toBe(200);
        const newSecret: string = rotated.body.secret;
        expect(newSecret).not.toBe(oldSecret);
        expect(rotated.body.previousSecretExpiresAt).toBeGreaterThan(Date.now());
        const owner = newUserId();
        const members = [newUserId(), newUserId(), newUserId()];
        const group = await api.createGroup(appToken, { user_list: members }, { user_id: owner });
        for (const member of members)
          await api.groupCall('POST', 'ban', appToken, group.group_id, { user_list: [member], duration: 10 });
        await pollUntil(() => receiver.accepted().length === members.length);
        for (const r of receiver.accepted()) {
          expect(String(r.headers['webhook-signature']).split(' ')).toHaveLength(2);
          verify(newSecret, r);
          verify(oldSecret, r);
        }
        expect((await admin.call('POST', `/${endpointId}/rotate-secret`, { secret: 'whsec_short' })).status).toBe(400);

        const first = await admin.call('GET', `/${endpointId}/deliveries?limit=2&state=succeeded`);
        expect(first.body).toMatchObject({ total: 3, cursor: expect.any(String) });
        expect(first.body.items).toHaveLength(2);
        const second = await admin.call(
          'GET',
          `/${endpointId}/deliveries?limit=2&state=succeeded&cursor=${encodeURIComponent(first.body.cursor)}`,
        );
        expect(second.body).toMatchObject({ total: 3, cursor: null });
        expect(second.body.items).toHaveLength(1);
        expect((await admin.call('GET', `/${endpointId}/deliveries?state=failed`)).body).toEqual({
          items: [],
          cursor: null,
          total: 0,
        });
        expect((await admin.call('GET', `/${endpointId}/deliveries?state=lost`)).status).toBe(400);
      } finally {
        await receiver.stop();
      }
    });

    it('a disabled endpoint holds its pending deliveries (neither sent nor failed) and delivers them, in order, once enabled', async () => {
      const receiver = await WebhookReceiver.start();
      try {
        receiver.answering(() => ({ status: 500 }));
        const { endpointId } = await admin.create({ url: receiver.url, events: ['member.muted'] });
        const owner = newUserId();
        const members = [newUserId(), newUserId(), newUserId()];
        const group = await api.createGroup(appToken, { user_list: members }, { user_id: owner });
        for (const member of members)
          await api.groupCall('POST', 'ban', appToken, group.group_id, { user_list: [member], duration: 10 });
        // The first event is being retried: the queue holds the other two behind it.
        await pollUntil(() => receiver.received.length >= 2);
        expect((await admin.call('PATCH', `/${endpointId}`, { disabled: true })).body).toMatchObject({
          disabled: true,
        });
        // Proving that nothing is sent takes a window: many times the retry schedule (FAST_RETRIES,
        // at most 300 ms), after letting an attempt already under way finish.
        await sleep(500);
        const attemptsBefore = receiver.received.length;
        receiver.answering(() => ({ status: 200 }));
        await sleep(1_500);
        expect(receiver.received).toHaveLength(attemptsBefore);
        expect((await admin.call('GET', `/${endpointId}/deliveries?state=pending`)).body).toMatchObject({ total: 3 });

        expect((await admin.call('PATCH', `/${endpointId}`, { disabled: false })).body).toMatchObject({
          disabled: false,
        });
        // The breaker opened during the 500s: the first delivery is its probe, the rest follow at once.
        await pollUntil(() => receiver.accepted().length === members.length);
        const sequences = receiver.accepted().map((r) => Number(r.json.sequence));
        expect(increasing(sequences)).toBe(true);
        expect((await admin.call('GET', `/${endpointId}/deliveries?state=succeeded`)).body).toMatchObject({ total: 3 });
      } finally {
        await receiver.stop();
      }
    });
  });
});
