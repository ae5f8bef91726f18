import type { GroupKey } from '@cohort/contracts';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';

import type { GroupFact, GroupFacts, GroupFactValues } from '../standings/facts';
import { notNewerThan, readFacts, upsertNewer } from '../standings/stored-facts';
import { GroupFactsDoc } from './schemas/group-facts.schema';

@Injectable()
export class GroupFactsRepository {
  constructor(@InjectModel(GroupFactsDoc.name) private readonly model: Model<GroupFactsDoc>) {}

  async apply<F extends GroupFact>(key: GroupKey, fact: F, value: GroupFactValues[F], at: Date): Promise<void> {
    await upsertNewer(this.model, [
      {
        updateOne: {
          filter: { ...key, ...notNewerThan(fact, at) },
          update: { $set: { [fact]: { value, at } } },
          upsert: true,
        },
      },
    ]);
  }

  async pageOfLive(afterId: unknown, limit: number): Promise<{ id: unknown; key: GroupKey; facts: GroupFacts }[]> {
    const docs = await this.model
      .find({ 'life.value': true, ...(afterId === null ? {} : { _id: { $gt: afterId } }) })
      .sort({ _id: 1 })
      .limit(limit)
      .lean();
    return docs.map((doc) => ({
      id: doc._id,
      key: { appId: doc.appId, groupId: doc.groupId },
      facts: readFacts(doc, ['life', 'muteAll']) as GroupFacts,
    }));
  }

  async get(key: GroupKey): Promise<GroupFacts> {
    return readFacts(await this.model.findOne(key).lean(), ['life', 'muteAll']) as GroupFacts;
  }
}
