import type { DomainEvent, FileView, GroupKey } from '@cohort/contracts';
import { HasOutbox, outboxHasRoom, outboxOnUpdate, type Written } from '@cohort/outbox';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';

import { type ContentShape, GroupContentRepository } from '../content-store/group-content.repository';
import { FileDoc } from './schemas/file.schema';

const SHAPE: ContentShape<FileDoc, FileView> = {
  order: { timeField: 'createdAt', idField: 'fileId', direction: 1 },
  toView: (doc) => ({
    fileId: doc.fileId,
    groupId: doc.groupId,
    name: doc.name,
    size: doc.size,
    type: doc.type,
    url: doc.url,
    uploaderId: doc.uploaderId ?? null,
    createdAt: doc.createdAt.getTime(),
    updatedAt: doc.updatedAt.getTime(),
  }),
  idOf: (f) => f.fileId,
  createdAtOf: (f) => f.createdAt,
};

@Injectable()
@HasOutbox()
export class FileRepository extends GroupContentRepository<FileDoc, FileView> {
  constructor(@InjectModel(FileDoc.name) model: Model<FileDoc>) {
    super(model, SHAPE);
  }

  insert(
    key: GroupKey,
    fileOf: (fileId: string) => Omit<FileView, 'groupId'>,
    eventOf: (file: Omit<FileView, 'groupId'>) => DomainEvent,
  ): Promise<Written<FileView>> {
    return this.create(key, fileOf, eventOf, (file) => ({
      ...file,
      ...key,
      createdAt: new Date(file.createdAt),
      updatedAt: new Date(file.updatedAt),
    }));
  }

  /**
   * Null when its name is no longer `from`: the event would name the wrong previous name. Refused
   * while the file's outbox is full, as renames may come without end.
   */
  async rename(
    key: GroupKey,
    fileId: string,
    from: string,
    to: string,
    event: DomainEvent,
    at: Date = new Date(),
  ): Promise<Written<FileView | null>> {
    const doc = await this.model
      .findOneAndUpdate(
        { ...this.filterOf(key, fileId), deletedAt: null, name: from, ...outboxHasRoom() },
        { $set: { name: to, updatedAt: at }, ...outboxOnUpdate([event]) },
        { new: true },
      )
      .lean<FileDoc>();
    if (!doc) await this.outbox.assertHasRoom(this.filterOf(key, fileId));
    return this.outbox.writtenIf(doc !== null, doc && SHAPE.toView(doc), this.filterOf(key, fileId), [event]);
  }
}
