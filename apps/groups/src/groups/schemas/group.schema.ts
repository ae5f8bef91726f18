import type { ApprovalPolicy, GroupStatus, GroupType } from '@cohort/contracts';
import { addOutbox } from '@cohort/outbox';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

@Schema({ _id: false })
export class GroupSettingsDoc {
  @Prop({ type: Number, required: true }) applyApproval!: ApprovalPolicy;
  @Prop({ required: true }) memberInvite!: boolean;
  @Prop({ required: true }) memberModify!: boolean;
  @Prop({ required: true }) readAck!: boolean;
  @Prop({ required: true }) historyVisible!: boolean;
  @Prop({ required: true }) disappearSeconds!: number;
}

@Schema({ collection: 'groups', versionKey: false })
export class GroupDoc {
  @Prop({ required: true }) appId!: string;
  @Prop({ required: true }) groupId!: string;
  @Prop({ type: String, required: true }) type!: GroupType;
  @Prop({ default: '' }) name!: string;
  @Prop({ default: '' }) description!: string;
  @Prop({ default: '' }) avatar!: string;
  @Prop({ default: '' }) ext!: string;
  @Prop({ required: true }) ownerId!: string;
  /** The first owner (records stored before it existed read their owner). */
  @Prop() creatorId?: string;
  @Prop({ required: true }) capacity!: number;
  @Prop({ required: true }) public!: boolean;
  @Prop({ type: String, required: true }) status!: GroupStatus;
  @Prop({ type: GroupSettingsDoc, required: true }) settings!: GroupSettingsDoc;
  /** ms since epoch, -1 permanent, null off. */
  @Prop({ type: Number, default: null }) muteAllUntil!: number | null;
  @Prop({ required: true }) createdAt!: Date;
  @Prop({ required: true }) updatedAt!: Date;
}

export const GroupSchema = SchemaFactory.createForClass(GroupDoc);
addOutbox(GroupSchema);
GroupSchema.index({ appId: 1, groupId: 1 }, { unique: true });
GroupSchema.index({ status: 1, createdAt: 1 });
GroupSchema.index({ appId: 1, type: 1, status: 1, createdAt: 1, groupId: 1 });
GroupSchema.index({ updatedAt: 1 });
GroupSchema.index({ appId: 1, status: 1, createdAt: -1, groupId: -1 });
GroupSchema.index({ appId: 1, ownerId: 1, status: 1, createdAt: -1, groupId: -1 });
