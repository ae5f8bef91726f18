import { addOutbox } from '@cohort/outbox';
import { Prop } from '@nestjs/mongoose';
import type { Schema as MongooseSchema } from 'mongoose';

export class GroupContentDoc {
  @Prop({ required: true }) appId!: string;
  @Prop({ required: true }) groupId!: string;
  @Prop({ required: true }) createdAt!: Date;
  /** The document stays so that the deletion's event is stored by the same write. */
  @Prop({ type: Date, default: null }) deletedAt!: Date | null;
}

export function indexGroupContent(schema: MongooseSchema, idField: string, direction: 1 | -1): void {
  addOutbox(schema);
  schema.index({ appId: 1, groupId: 1, [idField]: 1 }, { unique: true });
  schema.index({ appId: 1, groupId: 1, createdAt: direction, [idField]: direction });
}
