import type { DeliveryState, DomainEvent, EventType, GroupType } from '@cohort/contracts';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';

/** Unique per (endpoint, event, replay), so a redelivered event is stored once. */
@Schema({ collection: 'deliveries', versionKey: false })
export class DeliveryDoc {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) appId!: string;
  @Prop({ required: true }) endpointId!: string;
  /** `<endpoint>|<group>`, or `<endpoint>|replay:<id>`. */
  @Prop({ required: true }) queueKey!: string;
  @Prop({ required: true }) eventId!: string;
  @Prop({ type: String, required: true }) eventType!: EventType;
  @Prop({ required: true }) groupId!: string;
  @Prop({ type: String, required: true }) groupType!: GroupType;
  /** The order within a queue. */
  @Prop({ required: true }) sequence!: number;
  @Prop({ required: true }) occurredAt!: Date;
  @Prop({ type: MongooseSchema.Types.Mixed, required: true }) event!: DomainEvent;
  @Prop({ type: String, default: null }) replayId!: string | null;
  @Prop({ type: String, default: null }) targetUrl!: string | null;
  @Prop({ type: String, required: true }) state!: DeliveryState;
  @Prop({ default: 0 }) attempts!: number;
  @Prop({ type: Date, default: null }) firstAttemptAt!: Date | null;
  @Prop({ required: true }) nextAttemptAt!: Date;
  @Prop({ type: Number, default: null }) lastStatus!: number | null;
  @Prop({ type: String, default: null }) lastError!: string | null;
  @Prop({ type: Number, default: null }) lastLatencyMs!: number | null;
  @Prop({ type: Date, default: null }) deliveredAt!: Date | null;
}

export const DeliverySchema = SchemaFactory.createForClass(DeliveryDoc);
DeliverySchema.index({ endpointId: 1, eventId: 1, replayId: 1 }, { unique: true });
DeliverySchema.index({ queueKey: 1, state: 1, sequence: 1 });
// The deliveries API (newest first, by state) and replays by time.
DeliverySchema.index({ appId: 1, endpointId: 1, occurredAt: -1, _id: -1 });
DeliverySchema.index({ appId: 1, endpointId: 1, state: 1, occurredAt: -1, _id: -1 });
// Retention: an app's finished deliveries, oldest event first.
DeliverySchema.index({ appId: 1, state: 1, occurredAt: 1 });
