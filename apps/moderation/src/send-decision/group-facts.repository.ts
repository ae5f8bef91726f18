import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { GroupKey } from '@cohort/contracts';
import type { GroupFact, GroupFacts, GroupFactValues } from '../standings/facts';
import { notNewerThan, readFacts, upsertNewer } from '../standings/stored-facts';
import { GroupFactsDoc } from './schemas/group-facts.schema';

/** The only code touching the group_facts collection. Every call is scoped by app and group. */
@Injectable()
export class GroupFactsRepository {
  constructor(@InjectModel(GroupFactsDoc.name) private readonly model: Model<GroupFactsDoc>) {}

  /** Replaces a fact of the group unless a newer one is stored. */
  async apply<F extends GroupFact>(key: GroupKey, fact: F, value: GroupFactValues[F], at: Date): Promise<void> {
    await upsertNewer(this.model, [{ updateOne: { filter: { ...key, ...notNewerThan(fact, at) }, update: { $set: { [fact]: { value, at } } }, upsert: true } }]);
  }

  /** Everything known of the group (one keyed read). */
  async get(key: GroupKey): Promise<GroupFacts> {
    return readFacts(await this.model.findOne(key).lean(), ['life', 'muteAll']) as GroupFacts;
  }
}
