import type { AnnouncementView, DomainEvent, GroupKey } from '@cohort/contracts';
import { HasOutbox, type Written } from '@cohort/outbox';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';

import { type ContentShape, GroupContentRepository } from '../content-store/group-content.repository';
import { AnnouncementDoc } from './schemas/announcement.schema';

const SHAPE: ContentShape<AnnouncementDoc, AnnouncementView> = {
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

@Injectable()
@HasOutbox()
export class AnnouncementRepository extends GroupContentRepository<AnnouncementDoc, AnnouncementView> {
  constructor(@InjectModel(AnnouncementDoc.name) model: Model<AnnouncementDoc>) {
    super(model, SHAPE);
  }

  insert(
    key: GroupKey,
    announcementOf: (announcementId: string) => Omit<AnnouncementView, 'groupId'>,
    eventOf: (announcement: Omit<AnnouncementView, 'groupId'>) => DomainEvent,
  ): Promise<Written<AnnouncementView>> {
    return this.create(key, announcementOf, eventOf, (announcement) => ({
      ...announcement,
      ...key,
      createdAt: new Date(announcement.createdAt),
    }));
  }

  async latest(key: GroupKey): Promise<AnnouncementView | null> {
    return (await this.listPage(key, 1)).items[0] ?? null;
  }
}
