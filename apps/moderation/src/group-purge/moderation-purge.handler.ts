import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '@cohort/contracts';
import { OnEvent, type DomainEventHandler } from '@cohort/bus';
import { AllowRepository } from '../allowlist/allow.repository';
import { BlockRepository } from '../blocks/block.repository';
import { MuteRepository } from '../mutes/mute.repository';

/**
 * A destroyed group's mutes, blocks and allowlist go away with it. One handler for all three:
 * a service has one durable consumer per event type. Idempotent: a redelivery deletes nothing.
 */
@Injectable()
@OnEvent('group.destroyed')
export class ModerationPurgeOnGroupDestroyed implements DomainEventHandler<'group.destroyed'> {
  constructor(
    private readonly mutes: MuteRepository,
    private readonly blocks: BlockRepository,
    private readonly allows: AllowRepository,
  ) {}

  async handle(event: DomainEvent<'group.destroyed'>): Promise<void> {
    const key = { appId: event.appId, groupId: event.groupId };
    await Promise.all([this.mutes.purgeGroup(key), this.blocks.purgeGroup(key), this.allows.purgeGroup(key)]);
  }
}
