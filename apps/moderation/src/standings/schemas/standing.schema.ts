import type { MemberRole } from '@cohort/contracts';
import { addOutbox } from '@cohort/outbox';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

import { factProp, type StoredFact } from '../stored-facts';

/** One document per (group, user) so that a cold send decision costs one keyed read. */
@Schema({ collection: 'standings', versionKey: false })
export class StandingDoc {
  @Prop({ required: true }) appId!: string;
  @Prop({ required: true }) groupId!: string;
  @Prop({ required: true }) userId!: string;
  /** Projected from membership's events; null once out of the group. */
  @Prop(factProp(String)) role?: StoredFact<MemberRole | null>;
  /** The mute's end: ms since epoch, -1 permanent, 0 lifted. It outlives leaving the group. */
  @Prop(factProp(Number)) mute?: StoredFact<number>;
  @Prop(factProp(Boolean)) block?: StoredFact<boolean>;
  @Prop(factProp(Boolean)) allow?: StoredFact<boolean>;
}

export const StandingSchema = SchemaFactory.createForClass(StandingDoc);
addOutbox(StandingSchema);
// (group, user) is unique; each list walks its own (time, user) order within a group.
StandingSchema.index({ appId: 1, groupId: 1, userId: 1 }, { unique: true });
StandingSchema.index({ appId: 1, groupId: 1, 'mute.at': 1, userId: 1 });
StandingSchema.index({ appId: 1, groupId: 1, 'block.at': 1, userId: 1 });
StandingSchema.index({ appId: 1, groupId: 1, 'allow.at': 1, userId: 1 });
StandingSchema.index({ 'mute.value': 1 });
