import type { MemberRole } from '@cohort/contracts';
import { addOutbox } from '@cohort/outbox';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

import { factProp, type StoredFact } from '../stored-facts';

/**
 * A user's standing in one group: everything the send decision asks about them, in one document
 * so that a cold decision costs one keyed read. Each fact carries its own time, and a write only
 * replaces a fact with a newer one, so facts arriving out of order (events, concurrent calls)
 * settle on the newest.
 */
@Schema({ collection: 'standings', versionKey: false })
export class StandingDoc {
  @Prop({ required: true }) appId!: string;
  @Prop({ required: true }) groupId!: string;
  @Prop({ required: true }) userId!: string;
  /** Membership's fact, projected from its events: the role held, null once out of the group. */
  @Prop(factProp(String)) role?: StoredFact<MemberRole | null>;
  /** The mute's end: ms since epoch, -1 permanent, 0 lifted. It outlives leaving the group. */
  @Prop(factProp(Number)) mute?: StoredFact<number>;
  /** On the blocklist. */
  @Prop(factProp(Boolean)) block?: StoredFact<boolean>;
  /** On the allowlist (taken off when the user leaves). */
  @Prop(factProp(Boolean)) allow?: StoredFact<boolean>;
}

export const StandingSchema = SchemaFactory.createForClass(StandingDoc);
// The events of moderation's own changes (muted, blocked, allowlisted...) are stored with them.
addOutbox(StandingSchema);
// (group, user) is unique; each list walks its own (time, user) order within a group.
StandingSchema.index({ appId: 1, groupId: 1, userId: 1 }, { unique: true });
StandingSchema.index({ appId: 1, groupId: 1, 'mute.at': 1, userId: 1 });
StandingSchema.index({ appId: 1, groupId: 1, 'block.at': 1, userId: 1 });
StandingSchema.index({ appId: 1, groupId: 1, 'allow.at': 1, userId: 1 });
// The sweep of expired mutes.
StandingSchema.index({ 'mute.value': 1 });
