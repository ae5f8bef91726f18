import type { BreakerState, WebhookEventFilter, WebhookFormat, WebhookSource } from '@cohort/contracts';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

export interface SigningSecret {
  secret: string;
  expiresAt: Date | null;
}

export interface BreakerDoc {
  state: BreakerState;
  failures: number;
  /** In a row: the cooldown doubles with each. */
  opens: number;
  openUntil: Date | null;
}

export const CLOSED_BREAKER: BreakerDoc = { state: 'closed', failures: 0, opens: 0, openUntil: null };

@Schema({ collection: 'endpoints', versionKey: false })
export class EndpointDoc {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) appId!: string;
  @Prop({ required: true }) url!: string;
  @Prop({ type: String, required: true }) format!: WebhookFormat;
  @Prop({ type: [String], required: true }) events!: WebhookEventFilter[];
  @Prop({ default: '' }) description!: string;
  @Prop({ default: false }) disabled!: boolean;
  @Prop({ type: String, required: true }) source!: WebhookSource;
  /** Newest first: the first one signs alone in the `easemob` format. */
  @Prop({ type: [{ _id: false, secret: String, expiresAt: Date }], required: true }) secrets!: SigningSecret[];
  @Prop({
    type: { _id: false, state: String, failures: Number, opens: Number, openUntil: Date },
    default: () => ({ ...CLOSED_BREAKER }),
  })
  breaker!: BreakerDoc;
  @Prop({ required: true }) createdAt!: Date;
  @Prop({ required: true }) updatedAt!: Date;
}

export const EndpointSchema = SchemaFactory.createForClass(EndpointDoc);
EndpointSchema.index({ appId: 1, createdAt: 1 });
