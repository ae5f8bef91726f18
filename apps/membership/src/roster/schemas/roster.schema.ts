import type { GroupType } from '@cohort/contracts';
import { addOutbox } from '@cohort/outbox';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * One per group: who owns it, and the counters that keep its limits under concurrency. Joins
 * reserve `freeSlots` and admin promotions `adminCount` with conditional single-document updates,
 * so capacity and the admin limit hold without counting members.
 */
@Schema({ collection: 'rosters', versionKey: false })
export class RosterDoc {
  @Prop({ required: true }) appId!: string;
  @Prop({ required: true }) groupId!: string;
  @Prop({ type: String, default: 'group' }) type!: GroupType;
  @Prop({ required: true }) ownerId!: string;
  @Prop({ required: true }) capacity!: number;
  @Prop({ required: true }) memberCount!: number;
  /** capacity − memberCount, kept in step with it by every write. */
  @Prop({ required: true }) freeSlots!: number;
  @Prop({ default: 0 }) adminCount!: number;
  /** The group's current invite code (joining by code); rotating replaces it. */
  @Prop({ required: true }) inviteCode!: string;
  @Prop({ required: true }) createdAt!: Date;
}

export const RosterSchema = SchemaFactory.createForClass(RosterDoc);
// Ownership transfers carry their event in the roster document.
addOutbox(RosterSchema);
RosterSchema.index({ appId: 1, groupId: 1 }, { unique: true });
// Joining by code is an exact lookup of this unique key (sparse: rosters stored before codes existed have none).
RosterSchema.index({ appId: 1, inviteCode: 1 }, { unique: true, sparse: true });
