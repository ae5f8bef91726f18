import type { AuditActorKind, EventType } from '@cohort/contracts';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';

/** Written once, never updated; removed only by retention. */
@Schema({ collection: 'audit_entries', versionKey: false })
export class AuditEntryDoc {
  @Prop({ required: true }) appId!: string;
  @Prop({ required: true }) entryId!: string;
  @Prop({ required: true }) at!: Date;
  @Prop({ type: String, required: true }) action!: EventType;
  @Prop({ required: true }) groupId!: string;
  @Prop({ type: String, required: true }) actorKind!: AuditActorKind;
  @Prop({ type: String, default: null }) actorId!: string | null;
  @Prop({ type: [String], default: [] }) targets!: string[];
  @Prop({ type: MongooseSchema.Types.Mixed, default: null }) before!: Record<string, unknown> | null;
  @Prop({ type: MongooseSchema.Types.Mixed, default: null }) after!: Record<string, unknown> | null;
  @Prop({ required: true }) requestId!: string;
}

export const AuditEntrySchema = SchemaFactory.createForClass(AuditEntryDoc);
// Each event once, whatever its redeliveries.
AuditEntrySchema.index({ appId: 1, entryId: 1 }, { unique: true });
// Keyset on (at, entryId): the log as a whole, and by each filter the console uses.
AuditEntrySchema.index({ appId: 1, at: -1, entryId: -1 });
AuditEntrySchema.index({ appId: 1, groupId: 1, at: -1, entryId: -1 });
AuditEntrySchema.index({ appId: 1, actorId: 1, at: -1, entryId: -1 });
AuditEntrySchema.index({ appId: 1, targets: 1, at: -1, entryId: -1 });
AuditEntrySchema.index({ appId: 1, action: 1, at: -1, entryId: -1 });
