import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '@cohort/contracts';
import { OnEvent, type DomainEventHandler } from '@cohort/bus';
import { AllowRepository } from './allow.repository';

/**
 * Leaving the group (any way: left, kicked, blocked, destroyed) removes the user from the
 * allowlist. Idempotent, and an entry added after the user left (re-joined and re-allowlisted
 * before this event was handled) is kept.
 */
@Injectable()
@OnEvent('member.left')
export class AllowlistRemoveOnMemberLeft implements DomainEventHandler<'member.left'> {
  constructor(private readonly allows: AllowRepository) {}

  async handle(event: DomainEvent<'member.left'>): Promise<void> {
    await this.allows.removeIfAddedBefore(
      { appId: event.appId, groupId: event.groupId },
      event.data.userId,
      new Date(event.occurredAt),
    );
  }
}
