import { type DomainEventHandler, OnEvent } from '@cohort/bus';
import type { DomainEvent } from '@cohort/contracts';
import { Injectable } from '@nestjs/common';

import { AnnouncementRepository } from '../announcements/announcement.repository';
import { FileRepository } from '../files/file.repository';

/** One handler for both: a service has one durable consumer per event type. */
@Injectable()
@OnEvent('group.destroyed')
export class ContentPurgeOnGroupDestroyed implements DomainEventHandler<'group.destroyed'> {
  constructor(
    private readonly announcements: AnnouncementRepository,
    private readonly files: FileRepository,
  ) {}

  async handle(event: DomainEvent<'group.destroyed'>): Promise<void> {
    const key = { appId: event.appId, groupId: event.groupId };
    await Promise.all([this.announcements.purgeGroup(key), this.files.purgeGroup(key)]);
  }
}
