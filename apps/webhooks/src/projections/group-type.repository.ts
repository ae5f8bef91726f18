import type { GroupKey, GroupType } from '@cohort/contracts';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';

import { GroupTypeDoc } from './schemas/group-type.schema';

@Injectable()
export class GroupTypeRepository {
  constructor(@InjectModel(GroupTypeDoc.name) private readonly model: Model<GroupTypeDoc>) {}

  async record(key: GroupKey, type: GroupType): Promise<void> {
    await this.model.updateOne(key, { $set: { type } }, { upsert: true });
  }

  async find(key: GroupKey): Promise<GroupType | null> {
    const doc = await this.model.findOne(key, { type: 1 }).lean<GroupTypeDoc>();
    return doc?.type ?? null;
  }
}
