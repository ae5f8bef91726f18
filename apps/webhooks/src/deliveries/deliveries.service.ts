import { randomBytes, randomUUID } from 'node:crypto';

import {
  type CommandEnvelope,
  type ListWebhookDeliveriesCommand,
  type Page,
  type ReplayWebhookCommand,
  type WebhookDeliveryView,
  WebhookLimits,
  type WebhookReplayResult,
} from '@cohort/contracts';
import { invalidParameter } from '@cohort/errors';
import { decodeCursor, encodeCursor } from '@cohort/mongo';
import { Injectable } from '@nestjs/common';

import { AddressGuard } from '../dispatch/address-guard';
import { DispatchSignal } from '../dispatch/dispatch-signal';
import { EndpointsService } from '../endpoints/endpoints.service';
import { webhookAdminOnly } from '../rules/webhook-access';
import { DeliveryRepository, type ReplaySelection } from './delivery.repository';
import { toDeliveryView } from './delivery.view';
import { QueueRepository } from './queue.repository';

@Injectable()
export class DeliveriesService {
  constructor(
    private readonly endpoints: EndpointsService,
    private readonly deliveries: DeliveryRepository,
    private readonly queues: QueueRepository,
    private readonly guard: AddressGuard,
    private readonly signal: DispatchSignal,
  ) {}

  async list(ctx: CommandEnvelope<unknown>, input: ListWebhookDeliveriesCommand): Promise<Page<WebhookDeliveryView>> {
    const appId = webhookAdminOnly(ctx);
    const endpoint = await this.endpoints.find(appId, input.endpointId);
    const [page, total] = await Promise.all([
      this.deliveries.page(appId, endpoint._id, input.state, input.limit, decodeCursor(input.cursor)),
      this.deliveries.count(appId, endpoint._id, input.state),
    ]);
    return { items: page.items.map(toDeliveryView), cursor: encodeCursor(page.next), total };
  }

  async backlog(ctx: CommandEnvelope<unknown>): Promise<{ pending: number }> {
    return { pending: await this.deliveries.countPending(webhookAdminOnly(ctx)) };
  }

  /** A replay is one ordered queue of its own, with the same webhook ids: receivers de-duplicate on them. */
  async replay(ctx: CommandEnvelope<unknown>, input: ReplayWebhookCommand): Promise<WebhookReplayResult> {
    const appId = webhookAdminOnly(ctx);
    const endpoint = await this.endpoints.find(appId, input.endpointId);
    const selection = selectionOf(input);
    if (input.url !== undefined) await this.guard.check(input.url, 'url');
    const originals = await this.deliveries.forReplay(appId, endpoint._id, selection, WebhookLimits.replayMax);
    const replayId = `rp_${randomBytes(9).toString('base64url')}`;
    const queueKey = `${endpoint._id}|replay:${replayId}`;
    await this.deliveries.insertNew(
      originals.map((original) => ({
        _id: randomUUID(),
        appId,
        endpointId: endpoint._id,
        queueKey,
        eventId: original.eventId,
        eventType: original.eventType,
        groupId: original.groupId,
        groupType: original.groupType,
        sequence: original.sequence,
        occurredAt: original.occurredAt,
        event: original.event,
        replayId,
        targetUrl: input.url ?? null,
        nextAttemptAt: new Date(0),
      })),
    );
    if (originals.length > 0) {
      await this.queues.touch([{ key: queueKey, appId, endpointId: endpoint._id, replay: true }]);
      this.signal.wake();
    }
    return { replayId, queued: originals.length };
  }
}

function selectionOf(input: ReplayWebhookCommand): ReplaySelection {
  const hasRange = input.from !== undefined || input.to !== undefined;
  if (input.eventIds && hasRange) throw invalidParameter('eventIds', 'give either eventIds or from and to, not both');
  if (input.eventIds) return { eventIds: input.eventIds };
  if (input.from === undefined) throw invalidParameter('from', 'is required (with to) when no eventIds are given');
  if (input.to === undefined) throw invalidParameter('to', 'is required with from');
  if (input.to <= input.from) throw invalidParameter('to', 'must be after from');
  return { from: new Date(input.from), to: new Date(input.to) };
}
