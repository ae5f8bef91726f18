import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** One endpoint and one group: the unit of ordering, and of coordination between instances (by lease). */
@Schema({ collection: 'delivery_queues', versionKey: false })
export class QueueDoc {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) appId!: string;
  @Prop({ required: true }) endpointId!: string;
  /** Not held to the ingestion floor: their deliveries are old. */
  @Prop({ default: false }) replay!: boolean;
  @Prop({ required: true }) ready!: boolean;
  @Prop({ required: true }) dueAt!: Date;
  @Prop({ required: true }) leaseUntil!: Date;
  @Prop({ type: String, default: null }) leaseOwner!: string | null;
  /** Bumped by every ingestion: an instance idles the queue only if nothing came meanwhile. */
  @Prop({ default: 0 }) version!: number;
}

export const QueueSchema = SchemaFactory.createForClass(QueueDoc);
QueueSchema.index({ ready: 1, dueAt: 1 });
