import { type DomainEventHandler, OnEvent } from '@cohort/bus';
import { AUDIT_ACTION_TYPES, type DomainEvent, type EventType } from '@cohort/contracts';
import { Inject, Injectable, type Type } from '@nestjs/common';

import { AuditService } from './audit.service';

/** One durable consumer per event type (`audit__<event>`): recorded once whatever the number of audit instances. */
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

export const AUDIT_RECORDERS = AUDIT_ACTION_TYPES.map(recorderOf);
