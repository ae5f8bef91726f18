import { type GroupType, type MemberRole, MsgMuteMode, MsgPushMode } from '@cohort/contracts';
import { addOutbox } from '@cohort/outbox';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

@Schema({ collection: 'members', versionKey: false })
export class MemberDoc {
  @Prop({ required: true }) appId!: string;
  @Prop({ required: true }) groupId!: string;
  @Prop({ type: String, default: 'group' }) groupType!: GroupType;
  @Prop({ required: true }) userId!: string;
  @Prop({ type: String, required: true }) role!: MemberRole;
  @Prop({ default: '' }) displayName!: string;
  @Prop({ required: true }) joinedAt!: Date;
  @Prop({ type: Number, default: MsgMuteMode.None }) msgMuteMode!: MsgMuteMode;
  @Prop({ type: Number, default: MsgPushMode.All }) msgPushMode!: MsgPushMode;
  /** ms since epoch; 0 when notifications are not muted. */
  @Prop({ type: Number, default: 0 }) notificationsMutedUntil!: number;
  /**
   * Set when the member is leaving (left, kicked, ...): from then on the member is gone for every
   * read and rule; the document is deleted once its `member.left` event is sent.
   */
  @Prop({ type: Date, required: false }) leavingAt?: Date;
  /** Which departure marked it: the request that did deletes exactly its own. */
  @Prop({ type: String, required: false }) leavingToken?: string;
}

export const MemberSchema = SchemaFactory.createForClass(MemberDoc);
addOutbox(MemberSchema);
// (group, user) is unique; keyset paging walks (joinedAt, userId) within a group.
MemberSchema.index({ appId: 1, groupId: 1, userId: 1 }, { unique: true });
MemberSchema.index({ appId: 1, groupId: 1, joinedAt: 1, userId: 1 });
MemberSchema.index({ appId: 1, userId: 1, joinedAt: -1 });
MemberSchema.index({ leavingAt: 1 }, { sparse: true });
