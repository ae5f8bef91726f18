// Two instances of every service, the webhooks service included, on one NATS and one database:
// each event reaches an endpoint once (the instances share the stream's consumer and the queues'
// leases), each group's events in order.
import { pollUntil, type Stack } from '@cohort/testing';

import { ContentApi } from './content-e2e.helpers';
import { newUserId } from './group-e2e.helpers';
import { WebhookReceiver } from './webhook-receiver';
import { AdminWebhooks, startWebhooksStack } from './webhooks-e2e.helpers';

describe('webhooks with two instances of each service', () => {
  let stack: Stack;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    stack = await startWebhooksStack('webhooks-scale-out', { instances: 2 });
  });

  afterAll(async () => {
    await stack?.stop();
    await receiver?.stop();
  });

  it('delivers each event once per endpoint, in per-group order', async () => {
    const api = new ContentApi(stack.baseUrl);
    const appToken = await api.token();
    const admin = new AdminWebhooks(api, appToken);
    const { endpointId } = await admin.create({
      url: receiver.url,
      events: ['member.joined', 'member.muted', 'member.unmuted'],
    });
    const members = Array.from({ length: 5 }, () => newUserId());
    const groups = await Promise.all(
      Array.from({ length: 4 }, () => api.createGroup(appToken, { user_list: members }, { user_id: newUserId() })),
    );
    await Promise.all(
      groups.map(async (group) => {
        for (const member of members) {
          expect(
            (await api.groupCall('POST', 'ban', appToken, group.group_id, { user_list: [member], duration: 10 }))
              .status,
          ).toBe(200);
          expect((await api.groupCall('POST', 'unban', appToken, group.group_id, { user_list: [member] })).status).toBe(
            200,
          );
        }
      }),
    );
    // Per group: the owner and 5 members join, 5 mutes, 5 unmutes.
    const expected = groups.length * (1 + members.length * 3);
    await pollUntil(() => receiver.accepted().length >= expected, { timeoutMs: 30_000 });
    // A delivery sent twice would count two attempts: each was sent exactly once.
    const deliveries = await pollUntil(async () => {
      const res = await admin.call('GET', `/${endpointId}/deliveries?limit=100&state=succeeded`);
      return res.body.total === expected ? (res.body.items as { attempts: number }[]) : null;
    });
    expect(deliveries.every((d) => d.attempts === 1)).toBe(true);
    const ids = receiver.accepted().map((r) => r.headers['webhook-id']);
    expect(ids).toHaveLength(expected);
    expect(new Set(ids).size).toBe(expected);
    for (const group of groups) {
      const sequences = receiver
        .accepted()
        .filter((r) => r.json.groupId === String(group.group_id))
        .map((r) => Number(r.json.sequence));
      expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    }
  });
});
