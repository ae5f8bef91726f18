import { randomUUID } from 'node:crypto';

import { BusClient } from '@cohort/bus';
import { type DomainEvent, GroupCommands, type GroupKey, type GroupType } from '@cohort/contracts';
import { isDomainError } from '@cohort/errors';
import { Injectable } from '@nestjs/common';

import { DeliveryRepository, type NewDelivery } from '../deliveries/delivery.repository';
import { QueueRepository } from '../deliveries/queue.repository';
import { DispatchSignal } from '../dispatch/dispatch-signal';
import { EndpointRepository } from '../endpoints/endpoint.repository';
import { GroupTypeRepository } from '../projections/group-type.repository';
import { endpointWants } from './endpoint-match';

export const groupQueueKey = (endpointId: string, groupId: string) => `${endpointId}|${groupId}`;

/** Idempotent: a redelivered event finds its deliveries stored. */
@Injectable()
export class IngestService {
  constructor(
    private readonly endpoints: EndpointRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly queues: QueueRepository,
    private readonly groupTypes: GroupTypeRepository,
    private readonly bus: BusClient,
    private readonly signal: DispatchSignal,
  ) {}

  async ingest(event: DomainEvent, streamSequence: number): Promise<void> {
    const key = { appId: event.appId, groupId: event.groupId };
    if (event.type === 'group.created')
      await this.groupTypes.record(key, (event as DomainEvent<'group.created'>).data.type);
    const targets = (await this.endpoints.enabled(event.appId)).filter((endpoint) => endpointWants(endpoint, event));
    if (targets.length === 0) return;
    const groupType = targets.some((t) => t.format === 'easemob') ? await this.groupTypeOf(event, key) : 'group';
    const deliveries: NewDelivery[] = targets.map((endpoint) => ({
      _id: randomUUID(),
      appId: event.appId,
      endpointId: endpoint._id,
      queueKey: groupQueueKey(endpoint._id, event.groupId),
      eventId: event.eventId,
      eventType: event.type,
      groupId: event.groupId,
      groupType,
      sequence: streamSequence,
      occurredAt: new Date(event.occurredAt),
      event,
      replayId: null,
      targetUrl: null,
      nextAttemptAt: new Date(0),
    }));
    await this.deliveries.insertNew(deliveries);
    await this.queues.touch(
      deliveries.map((d) => ({ key: d.queueKey, appId: d.appId, endpointId: d.endpointId, replay: false })),
    );
    this.signal.wake();
  }

  /** A group older than this service's history is asked of the groups service. */
  private async groupTypeOf(event: DomainEvent, key: GroupKey): Promise<GroupType> {
    if (event.type === 'group.created') return (event as DomainEvent<'group.created'>).data.type;
    if (event.type === 'group.destroyed') return (event as DomainEvent<'group.destroyed'>).data.type;
    const known = await this.groupTypes.find(key);
    if (known) return known;
    try {
      const group = await this.bus.send(
        GroupCommands.state,
        { caller: { appId: event.appId, userId: null, isAppAdmin: true }, requestId: event.correlationId },
        { groupId: event.groupId },
      );
      await this.groupTypes.record(key, group.type);
      return group.type;
    } catch (error) {
      if (isDomainError(error) && error.code === 'group_not_found') return 'group';
      throw error;
    }
  }
}
