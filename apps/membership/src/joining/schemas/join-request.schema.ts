import type { JoinRequestStatus } from '@cohort/contracts';
import { addOutbox } from '@cohort/outbox';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A join request: one per (group, applicant); applying again renews it. */
@Schema({ collection: 'join_requests', versionKey: false })
export class JoinRequestDoc {
  @Prop({ required: true }) appId!: string;
  @Prop({ required: true }) groupId!: string;
  @Prop({ required: true }) applicantId!: string;
  /** `<groupId>:<applicantId>`: the tie-breaker of keyset paging across groups. */
  @Prop({ required: true }) listKey!: string;
  @Prop({ default: '' }) reason!: string;
  @Prop({ type: Number, required: true }) status!: JoinRequestStatus;
  @Prop({ required: true }) createdAt!: Date;
  @Prop({ required: true }) expiresAt!: Date;
  @Prop({ type: String, required: false }) handledBy?: string | null;
  @Prop({ type: Date, required: false }) handledAt?: Date;
}

export const JoinRequestSchema = SchemaFactory.createForClass(JoinRequestDoc);
addOutbox(JoinRequestSchema);
JoinRequestSchema.index({ appId: 1, groupId: 1, applicantId: 1 }, { unique: true });
JoinRequestSchema.index({ appId: 1, groupId: 1, createdAt: 1, listKey: 1 });
