import 'reflect-metadata';

import { type DeliveryState, ServiceNames } from '@cohort/contracts';
import { shortId, useServiceInProcess } from '@cohort/testing';
import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';

import { DeliveryRetentionSweep } from '../src/deliveries/delivery-retention.sweeper';
import { DeliveryDoc } from '../src/deliveries/schemas/delivery.schema';

const DAY_MS = 24 * 3600 * 1000;
const [APP, OTHER_APP] = [`app_${shortId()}`, `app_${shortId()}`];

// Two apps; 30 days kept; 2 deletions per app and pass; passes only when the test runs one.
process.env.APPS_JSON = JSON.stringify(
  [APP, OTHER_APP].map((appId) => ({ appId, orgName: appId, appName: appId, webhooks: [] })),
);
process.env.WEBHOOK_DELIVERY_RETENTION_DAYS = '30';
process.env.WEBHOOK_DELIVERY_PURGE_BATCH = '2';
process.env.SWEEP_INTERVAL_MS = '3600000';

/** The deliveries' retention on the dev database: finished ones go after 30 days, pending ones stay. */
describe('webhook delivery retention (integration)', () => {
  const service = useServiceInProcess({
    serviceName: ServiceNames.webhooks,
    dbPrefix: 'it_webhook_retention',
    loadModule: async () => (await import('../src/app.module')).AppModule,
  });
  const deliveries = () => service.app.get<Model<DeliveryDoc>>(getModelToken(DeliveryDoc.name));

  const delivery = (appId: string, state: DeliveryState, ageDays: number, now: number) => {
    const id = `d_${shortId()}`;
    return {
      _id: id,
      appId,
      endpointId: 'wh_1',
      queueKey: 'wh_1|g1',
      eventId: id,
      eventType: 'member.muted',
      groupId: 'g1',
      groupType: 'group',
      sequence: 1,
      occurredAt: new Date(now - ageDays * DAY_MS),
      event: {},
      state,
      attempts: 1,
      nextAttemptAt: new Date(0),
    };
  };

  it('deletes succeeded and failed deliveries older than the retention, a batch per app and pass; never a pending one', async () => {
    const now = Date.now();
    const old = [
      delivery(APP, 'succeeded', 31, now),
      delivery(APP, 'failed', 40, now),
      delivery(APP, 'succeeded', 35, now),
    ];
    const kept = [
      delivery(APP, 'pending', 60, now), // still owed (say, its endpoint is disabled)
      delivery(APP, 'succeeded', 29, now),
      delivery(OTHER_APP, 'failed', 1, now),
    ];
    const otherOld = delivery(OTHER_APP, 'succeeded', 90, now);
    await deliveries().insertMany([...old, ...kept, otherOld]);
    const left = async () => (await deliveries().find({}, { _id: 1 }).lean()).map((d) => d._id).sort();

    const sweep = service.get(DeliveryRetentionSweep);
    await sweep.sweep(now);
    // The two oldest of APP (a batch of 2), the old one of the other app.
    expect(await left()).toEqual([old[0], ...kept].map((d) => d._id).sort());
    await sweep.sweep(now);
    expect(await left()).toEqual(kept.map((d) => d._id).sort());
    await sweep.sweep(now + 2 * DAY_MS);
    expect(await left()).toEqual([kept[0], kept[2]].map((d) => d._id).sort());
  });
});
