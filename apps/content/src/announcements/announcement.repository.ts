import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { GroupKey } from '@cohort/contracts';
import { keysetQuery, toKeysetPage, type KeysetCursor, type KeysetPage } from '@cohort/mongo';
import { AnnouncementDoc } from './schemas/announcement.schema';

export interface Announcement {
  announcementId: string;
  title: string;
  content: string;
  authorId: string | null;
  /** ms since epoch */
  createdAt: number;
}

export type NewAnnouncement = Omit<Announcement, 'createdAt'> & { createdAt?: Date };

function toAnnouncement(doc: AnnouncementDoc): Announcement {
  return {
    announcementId: doc.announcementId,
    title: doc.title,
    content: doc.content,
    authorId: doc.authorId ?? null,
    createdAt: doc.createdAt.getTime(),
  };
}

/** The only code touching the announcements collection. Every call is scoped by app and group. */
const HISTORY_ORDER = { timeField: 'createdAt', idField: 'announcementId', direction: -1 } as const;

@Injectable()
export class AnnouncementRepository {
  constructor(@InjectModel(AnnouncementDoc.name) private readonly model: Model<AnnouncementDoc>) {}

  async insert(key: GroupKey, announcement: NewAnnouncement): Promise<Announcement> {
    const doc = await this.model.create({ ...announcement, ...key, createdAt: announcement.createdAt ?? new Date() });
    return toAnnouncement(doc.toObject());
  }

  async find(key: GroupKey, announcementId: string): Promise<Announcement | null> {
    const doc = await this.model.findOne({ ...key, announcementId }).lean();
    return doc ? toAnnouncement(doc) : null;
  }

  /** The current announcement: the latest one, or null when the group never had one. */
  async latest(key: GroupKey): Promise<Announcement | null> {
    const doc = await this.model.findOne(key).sort(keysetQuery(HISTORY_ORDER).sort).lean();
    return doc ? toAnnouncement(doc) : null;
  }

  /** History, newest first; `before` is the `next` of the previous page. */
  async listNewestFirst(key: GroupKey, limit: number, before?: KeysetCursor): Promise<KeysetPage<Announcement>> {
    const { filter, sort } = keysetQuery(HISTORY_ORDER, before);
    const docs = await this.model.find({ ...key, ...filter }).sort(sort).limit(limit + 1).lean();
    return toKeysetPage(docs.map(toAnnouncement), limit, (a) => ({ at: a.createdAt, id: a.announcementId }));
  }

  async purgeGroup(key: GroupKey): Promise<void> {
    await this.model.deleteMany(key);
  }
}
