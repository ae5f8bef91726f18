import type { AnnouncementView, DomainEvent, GroupKey } from '@cohort/contracts';
import { HasOutbox } from '@cohort/outbox';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';

import { type ContentShape, GroupContentRepository } from '../content-store/group-content.repository';
import { AnnouncementDoc } from './schemas/announcement.schema';

const SHAPE: ContentShape<AnnouncementDoc, AnnouncementView> = {
  // Newest first; the id breaks ties between equal times.
  order: { timeField: 'createdAt', idField: 'announcementId', direction: -1 },
  toView: (doc) => ({
    announcementId: doc.announcementId,
    groupId: doc.groupId,
    title: doc.title,
    content: doc.content,
    authorId: doc.authorId ?? null,
    createdAt: doc.createdAt.getTime(),
  }),
  idOf: (a) => a.announcementId,
  createdAtOf: (a) => a.createdAt,
};

/** The only code touching the announcements collection. Every call is scoped by app and group. */
@Injectable()
@HasOutbox()
export class AnnouncementRepository extends GroupContentRepository<AnnouncementDoc, AnnouncementView> {
  constructor(@InjectModel(AnnouncementDoc.name) model: Model<AnnouncementDoc>) {
    super(model, SHAPE);
  }

  /** Stores a new announcement with its `announcement.published` event; null when its id is taken in the group. */
  insert(
    key: GroupKey,
    announcement: Omit<AnnouncementView, 'groupId'>,
    event: DomainEvent,
  ): Promise<AnnouncementView | null> {
    return this.insertDoc({ ...announcement, ...key, createdAt: new Date(announcement.createdAt) }, event);
  }

  /** The current announcement: the latest one not deleted, or null. */
  async latest(key: GroupKey): Promise<AnnouncementView | null> {
    return (await this.listPage(key, 1)).items[0] ?? null;
  }
}
