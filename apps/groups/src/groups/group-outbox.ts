import { Injectable, Logger } from '@nestjs/common';
import type { DomainEvent, EventMap, EventType, GroupKey } from '@cohort/contracts';
import { EventPublisher, type RequestContext } from '@cohort/bus';
import { GroupRepository } from './group.repository';

/**
 * Events of group changes: prepared before the write, stored in the group's outbox by the same
 * atomic update, then sent and removed. If sending fails the change still stands and the sweep
 * sends the event later: a committed change never loses its event.
 */
@Injectable()
export class GroupOutbox {
  private readonly logger = new Logger(GroupOutbox.name);

  constructor(
    private readonly publisher: EventPublisher,
    private readonly groups: GroupRepository,
  ) {}

  prepare<K extends EventType>(type: K, ctx: RequestContext, groupId: string, data: EventMap[K], dedupKey?: string): DomainEvent {
    const event = this.publisher.prepare(type, { caller: ctx.caller, correlationId: ctx.requestId, groupId, data, dedupKey });
    return event as DomainEvent;
  }

  /** Sends one stored event and removes it from the outbox; false (logged) when it must wait. */
  async flush(key: GroupKey, event: DomainEvent): Promise<boolean> {
    try {
      await this.publisher.publishEvent(event);
      await this.groups.removeFromOutbox(key, event);
      return true;
    } catch (error) {
      this.logger.warn(`event ${event.eventId} kept in the outbox of group ${key.groupId}: ${String(error)}`);
      return false;
    }
  }
}
