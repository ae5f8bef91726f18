import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { GroupKey } from '@cohort/contracts';
import { keysetQuery, toKeysetPage, type KeysetCursor, type KeysetPage } from '@cohort/mongo';
import { FileDoc } from './schemas/file.schema';

export interface GroupFile {
  fileId: string;
  name: string;
  size: number;
  type: string;
  url: string;
  uploaderId: string | null;
  /** ms since epoch */
  createdAt: number;
  /** ms since epoch */
  updatedAt: number;
}

export type NewGroupFile = Omit<GroupFile, 'createdAt' | 'updatedAt'> & { createdAt?: Date };

function toGroupFile(doc: FileDoc): GroupFile {
  return {
    fileId: doc.fileId,
    name: doc.name,
    size: doc.size,
    type: doc.type,
    url: doc.url,
    uploaderId: doc.uploaderId ?? null,
    createdAt: doc.createdAt.getTime(),
    updatedAt: doc.updatedAt.getTime(),
  };
}

/** The only code touching the files collection. Every call is scoped by app and group. */
const LIST_ORDER = { timeField: 'createdAt', idField: 'fileId', direction: 1 } as const;

@Injectable()
export class FileRepository {
  constructor(@InjectModel(FileDoc.name) private readonly model: Model<FileDoc>) {}

  async insert(key: GroupKey, file: NewGroupFile): Promise<GroupFile> {
    const createdAt = file.createdAt ?? new Date();
    const doc = await this.model.create({ ...file, ...key, createdAt, updatedAt: createdAt });
    return toGroupFile(doc.toObject());
  }

  async find(key: GroupKey, fileId: string): Promise<GroupFile | null> {
    const doc = await this.model.findOne({ ...key, fileId }).lean();
    return doc ? toGroupFile(doc) : null;
  }

  /** Oldest first; `after` is the `next` of the previous page. */
  async listPage(key: GroupKey, limit: number, after?: KeysetCursor): Promise<KeysetPage<GroupFile>> {
    const { filter, sort } = keysetQuery(LIST_ORDER, after);
    const docs = await this.model.find({ ...key, ...filter }).sort(sort).limit(limit + 1).lean();
    return toKeysetPage(docs.map(toGroupFile), limit, (f) => ({ at: f.createdAt, id: f.fileId }));
  }

  async purgeGroup(key: GroupKey): Promise<void> {
    await this.model.deleteMany(key);
  }
}
