import { type DomainEventHandler, OnEvent } from '@cohort/bus';
import { AUDIT_ACTION_TYPES, type DomainEvent, type EventType } from '@cohort/contracts';
import { Inject, Injectable, type Type } from '@nestjs/common';

import { AuditService } from './audit.service';

/**
 * The handler of one event type that records it. A service has one durable consumer per event
 * type (`audit__<event>`), so the audit service gets one of these per type: each event is
 * recorded once whatever the number of audit instances, and one caught up when it starts.
 */
function recorderOf(type: EventType): Type<DomainEventHandler<EventType>> {
  @Injectable()
  class AuditRecorder implements DomainEventHandler<EventType> {
    constructor(@Inject(AuditService) private readonly audit: AuditService) {}

    handle(event: DomainEvent): Promise<void> {
      return this.audit.record(event);
    }
  }
  OnEvent(type)(AuditRecorder);
  Object.defineProperty(AuditRecorder, 'name', { value: `AuditRecorder(${type})` });
  return AuditRecorder;
}

/** A recorder for every event type. */
export const AUDIT_RECORDERS = AUDIT_ACTION_TYPES.map(recorderOf);
