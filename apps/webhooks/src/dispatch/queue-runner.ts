import { webhookDeliveries } from '@cohort/observability';
import { Inject, Injectable, Logger } from '@nestjs/common';

import { AppsConfig } from '../apps-config/apps-config';
import { type AttemptRecord, DeliveryRepository } from '../deliveries/delivery.repository';
import { QueueRepository } from '../deliveries/queue.repository';
import type { DeliveryDoc } from '../deliveries/schemas/delivery.schema';
import type { QueueDoc } from '../deliveries/schemas/queue.schema';
import { EndpointRepository } from '../endpoints/endpoint.repository';
import { signingSecrets } from '../endpoints/endpoint.view';
import { CLOSED_BREAKER, type EndpointDoc } from '../endpoints/schemas/endpoint.schema';
import { renderDelivery } from '../formats/render';
import { DISPATCH_SETTINGS, type DispatchSettings } from './dispatch-settings';
import { EndpointBreaker } from './endpoint-breaker';
import { HttpSender, isSuccess, type SendOutcome } from './http-sender';
import { IngestFloor } from './ingest-floor';
import { isRetryable, retryDelayMs } from './retry-policy';

const BATCH = 20;

/** `dueAt` null: until the endpoint is enabled again. */
type Step = { next: true } | { next: false; dueAt: Date | null };

/** One at a time in stream order: the next only after the previous succeeded or was given up. */
@Injectable()
export class QueueRunner {
  private readonly logger = new Logger(QueueRunner.name);

  constructor(
    private readonly queues: QueueRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly endpoints: EndpointRepository,
    private readonly apps: AppsConfig,
    private readonly sender: HttpSender,
    private readonly breaker: EndpointBreaker,
    private readonly floor: IngestFloor,
    @Inject(DISPATCH_SETTINGS) private readonly settings: DispatchSettings,
  ) {}

  async run(queue: QueueDoc, owner: string): Promise<void> {
    let renewedAt = Date.now();
    for (;;) {
      // Read before each batch (queue.version was read before it), so that a disable stops the
      // queue within one batch and a resume that comes meanwhile is not lost (see pause).
      const endpoint = await this.endpoints.get(queue.appId, queue.endpointId);
      if (!endpoint) {
        // Deleted meanwhile: nothing of it is delivered any more.
        await this.deliveries.failAllPending(queue.appId, queue.endpointId, 'endpoint deleted');
        await this.queues.deleteForEndpoint(queue.appId, queue.endpointId);
        return;
      }
      const floor = queue.replay ? null : await this.floor.get();
      const batch = await this.deliveries.next(queue.appId, queue._id, floor, BATCH);
      if (batch.length === 0) {
        if (await this.deliveries.hasPending(queue.appId, queue._id)) {
          // Stored but not yet below the ingestion floor: an earlier event may still be on its way.
          await this.queues.release(queue, owner, new Date(Date.now() + this.settings.pollMs));
        } else {
          await this.queues.idle(queue, owner, queue.version, new Date());
        }
        return;
      }
      for (const delivery of batch) {
        const step = await this.attempt(endpoint, delivery);
        if (!step.next) {
          if (step.dueAt) await this.queues.release(queue, owner, step.dueAt);
          else await this.queues.pause(queue, owner, queue.version, new Date());
          return;
        }
        // Not after every delivery: one write less each.
        if (Date.now() - renewedAt > this.settings.leaseMs / 3) {
          if (!(await this.queues.renew(queue, owner, new Date(Date.now() + this.settings.leaseMs)))) return;
          renewedAt = Date.now();
        }
      }
      const version = await this.queues.versionOf(queue);
      if (version !== null) queue.version = version;
    }
  }

  private async attempt(endpoint: EndpointDoc, delivery: DeliveryDoc): Promise<Step> {
    const now = new Date();
    if (delivery.nextAttemptAt > now) return { next: false, dueAt: delivery.nextAttemptAt };
    const direct = delivery.targetUrl === null;
    // A disabled endpoint's deliveries wait, pending, until it is enabled (a replay to another URL goes on).
    if (direct && endpoint.disabled) return { next: false, dueAt: null };
    if (direct) {
      const gate = await this.breaker.gate(endpoint, now);
      if (!gate.pass) return { next: false, dueAt: gate.until };
    }
    const app = this.apps.find(delivery.appId);
    const request = renderDelivery(
      {
        format: endpoint.format,
        secrets: signingSecrets(endpoint, now),
        orgName: app?.orgName ?? delivery.appId,
        appName: app?.appName ?? delivery.appId,
        deliveryId: delivery._id,
        event: delivery.event,
        sequence: delivery.sequence,
        groupType: delivery.groupType,
      },
      now.getTime(),
    );
    if (!request) {
      await this.deliveries.failed(delivery.appId, delivery._id, null, `no ${endpoint.format} counterpart`);
      webhookDeliveries.inc({ state: 'failed' });
      return { next: true };
    }
    const outcome = await this.sender.send(delivery.targetUrl ?? endpoint.url, request);
    const record: AttemptRecord = {
      status: outcome.status,
      error: outcome.error,
      latencyMs: outcome.latencyMs,
      at: new Date(),
    };
    if (isSuccess(outcome)) {
      await this.deliveries.succeeded(delivery.appId, delivery._id, record);
      webhookDeliveries.inc({ state: 'succeeded' });
      if (direct) {
        await this.breaker.succeeded(endpoint);
        // As stored now: the next delivery must not try to claim a probe of a closed breaker
        // (that claim fails, and would hold the queue back for a lease).
        endpoint.breaker = { ...CLOSED_BREAKER };
      }
      return { next: true };
    }
    return this.afterFailure(endpoint, delivery, outcome, record, direct);
  }

  private async afterFailure(
    endpoint: EndpointDoc,
    delivery: DeliveryDoc,
    outcome: SendOutcome,
    record: AttemptRecord,
    direct: boolean,
  ): Promise<Step> {
    const retryable = isRetryable(outcome.status);
    const openUntil = direct && retryable ? await this.breaker.failed(endpoint, record.at) : null;
    if (openUntil) endpoint.breaker = { ...endpoint.breaker, state: 'open', openUntil };
    const firstAttemptAt = delivery.firstAttemptAt ?? record.at;
    const retryAt = new Date(
      record.at.getTime() + retryDelayMs(delivery.attempts + 1, outcome.retryAfterMs, this.settings.retry),
    );
    if (!retryable || retryAt.getTime() > firstAttemptAt.getTime() + this.settings.retry.retryForMs) {
      this.logger.warn(
        `${delivery.endpointId}: ${delivery.eventId} failed for good after ${delivery.attempts + 1} attempt(s): ${outcome.error}`,
      );
      await this.deliveries.failed(delivery.appId, delivery._id, record);
      webhookDeliveries.inc({ state: 'failed' });
      return { next: true };
    }
    await this.deliveries.retryAt(delivery.appId, delivery._id, record, retryAt);
    webhookDeliveries.inc({ state: 'pending' });
    return { next: false, dueAt: openUntil && openUntil > retryAt ? openUntil : retryAt };
  }
}
