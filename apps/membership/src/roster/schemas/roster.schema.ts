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
  @Prop({ required: true }) freeSlots!: number;
  @Prop({ default: 0 }) adminCount!: number;
  @Prop({ required: true }) inviteCode!: string;
  @Prop({ required: true }) createdAt!: Date;
}

export const RosterSchema = SchemaFactory.createForClass(RosterDoc);
addOutbox(RosterSchema);
RosterSchema.index({ appId: 1, groupId: 1 }, { unique: true });
// Sparse: rosters stored before codes existed have none.
RosterSchema.index({ appId: 1, inviteCode: 1 }, { unique: true, sparse: true });
