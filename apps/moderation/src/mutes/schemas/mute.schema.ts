import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { addOutbox } from '@cohort/outbox';

/** An individual mute. Survives leaving and re-joining until it expires or is lifted. */
@Schema({ collection: 'mutes', versionKey: false })
export class MuteDoc {
  @Prop({ required: true }) appId!: string;
  @Prop({ required: true }) groupId!: string;
  @Prop({ required: true }) userId!: string;
  /** ms since epoch, -1 permanent, 0 lifted. An expired mute is ignored, not deleted (TTL indexes are not relied on). */
  @Prop({ required: true }) until!: number;
  /** Who muted; null when an app admin acted without naming a user. */
  @Prop({ type: String, default: null }) by!: string | null;
  @Prop({ required: true }) at!: Date;
}

export const MuteSchema = SchemaFactory.createForClass(MuteDoc);
// A mute's events (muted, unmuted) are stored with it (see @cohort/outbox).
addOutbox(MuteSchema);
// (group, user) is unique; listing walks (at, userId) within a group.
MuteSchema.index({ appId: 1, groupId: 1, userId: 1 }, { unique: true });
MuteSchema.index({ appId: 1, groupId: 1, at: 1, userId: 1 });
