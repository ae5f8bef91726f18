import type { InvitationStatus } from '@cohort/contracts';
import { addOutbox } from '@cohort/outbox';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** An invitation: one per (group, invitee, inviter); inviting again renews it. */
@Schema({ collection: 'invitations', versionKey: false })
export class InvitationDoc {
  @Prop({ required: true }) appId!: string;
  @Prop({ required: true }) groupId!: string;
  @Prop({ required: true }) inviteeId!: string;
  @Prop({ required: true }) inviterId!: string;
  /** `<groupId>:<inviteeId>:<inviterId>`: the tie-breaker of keyset paging. */
  @Prop({ required: true }) listKey!: string;
  @Prop({ default: '' }) reason!: string;
  @Prop({ type: Number, required: true }) status!: InvitationStatus;
  @Prop({ required: true }) createdAt!: Date;
  @Prop({ required: true }) updatedAt!: Date;
  @Prop({ required: true }) expiresAt!: Date;
}

export const InvitationSchema = SchemaFactory.createForClass(InvitationDoc);
addOutbox(InvitationSchema);
InvitationSchema.index({ appId: 1, groupId: 1, inviteeId: 1, inviterId: 1 }, { unique: true });
InvitationSchema.index({ appId: 1, groupId: 1, createdAt: 1, listKey: 1 });
InvitationSchema.index({ appId: 1, inviteeId: 1, createdAt: 1, listKey: 1 });
