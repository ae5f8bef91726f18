import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { MemberRole, MsgMuteMode, MsgPushMode } from '@cohort/contracts';
import { addOutbox } from '@cohort/outbox';

@Schema({ collection: 'members', versionKey: false })
export class MemberDoc {
  @Prop({ required: true }) appId!: string;
  @Prop({ required: true }) groupId!: string;
  @Prop({ required: true }) userId!: string;
  @Prop({ type: String, required: true }) role!: MemberRole;
  @Prop({ default: '' }) displayName!: string;
  @Prop({ required: true }) joinedAt!: Date;
  @Prop({ type: Number, default: 0 }) msgMuteMode!: MsgMuteMode;
  @Prop({ type: Number, default: 0 }) msgPushMode!: MsgPushMode;
}

export const MemberSchema = SchemaFactory.createForClass(MemberDoc);
// A member's join (and later role or leave) events are stored with it (see @cohort/outbox).
addOutbox(MemberSchema);
// (group, user) is unique; keyset paging walks (joinedAt, userId) within a group.
MemberSchema.index({ appId: 1, groupId: 1, userId: 1 }, { unique: true });
MemberSchema.index({ appId: 1, groupId: 1, joinedAt: 1, userId: 1 });
MemberSchema.index({ appId: 1, userId: 1 });
