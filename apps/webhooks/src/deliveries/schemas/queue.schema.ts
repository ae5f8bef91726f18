import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The ordered queue of one endpoint and one group: the unit of ordering and of coordination
 * between instances. An instance delivers a queue only while it holds its lease; `ready` says it
 * may have pending deliveries, `dueAt` when it may be worked next (backoff, breaker).
 */
@Schema({ collection: 'delivery_queues', versionKey: false })
export class QueueDoc {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) appId!: string;
  @Prop({ required: true }) endpointId!: string;
  /** Replay queues are not held to the ingestion floor: their deliveries are old. */
  @Prop({ default: false }) replay!: boolean;
  @Prop({ required: true }) ready!: boolean;
  @Prop({ required: true }) dueAt!: Date;
  @Prop({ required: true }) leaseUntil!: Date;
  @Prop({ type: String, default: null }) leaseOwner!: string | null;
  /** Bumped by every ingestion into the queue: an instance idles it only if nothing came meanwhile. */
  @Prop({ default: 0 }) version!: number;
}

export const QueueSchema = SchemaFactory.createForClass(QueueDoc);
QueueSchema.index({ ready: 1, dueAt: 1 });
