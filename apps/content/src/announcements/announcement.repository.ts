import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { CreatedCursor, GroupKey, Page } from '../group-key';
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
    const doc = await this.model.findOne(key).sort({ createdAt: -1, announcementId: -1 }).lean();
    return doc ? toAnnouncement(doc) : null;
  }

  /** History, newest first; `before` is the `next` of the previous page. */
  async listNewestFirst(key: GroupKey, limit: number, before?: CreatedCursor): Promise<Page<Announcement>> {
    const olderThan = before
      ? {
          $or: [
            { createdAt: { $lt: new Date(before.createdAt) } },
            { createdAt: new Date(before.createdAt), announcementId: { $lt: before.id } },
          ],
        }
      : {};
    const docs = await this.model
      .find({ ...key, ...olderThan })
      .sort({ createdAt: -1, announcementId: -1 })
      .limit(limit + 1)
      .lean();
    const items = docs.slice(0, limit).map(toAnnouncement);
    const last = docs.length > limit ? items[items.length - 1] : undefined;
    return { items, next: last ? { createdAt: last.createdAt, id: last.announcementId } : null };
  }

  async purgeGroup(key: GroupKey): Promise<void> {
    await this.model.deleteMany(key);
  }
}
