import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** One session of a user: the Ed25519 public key its signed requests are verified with. */
@Schema({ collection: 'sessions', versionKey: false })
export class SessionDoc {
  @Prop({ required: true }) appId!: string;
  @Prop({ required: true }) userId!: string;
  @Prop({ required: true }) sessionId!: string;
  /** Raw 32 bytes, base64url without padding. The private key never reaches Cohort. */
  @Prop({ required: true }) publicKey!: string;
  @Prop({ default: '' }) fullName!: string;
  @Prop({ required: true }) createdAt!: Date;
}

export const SessionSchema = SchemaFactory.createForClass(SessionDoc);
// A request names (user, session): one exact lookup. A group's members are listed with their sessions.
SessionSchema.index({ appId: 1, userId: 1, sessionId: 1 }, { unique: true });
