import { addOutbox } from '@cohort/outbox';
import { Prop } from '@nestjs/mongoose';
import type { Schema as MongooseSchema } from 'mongoose';

/**
 * What every piece of a group's content (an announcement, a file) holds. Concrete documents
 * extend this class with their own `@Schema({ collection })`; @nestjs/mongoose collects the
 * inherited props.
 */
export class GroupContentDoc {
  @Prop({ required: true }) appId!: string;
  @Prop({ required: true }) groupId!: string;
  @Prop({ required: true }) createdAt!: Date;
  /**
   * Set when deleted: the document stays, gone for every read, so that the deletion's event is
   * stored with it by the same write; the group's destruction removes it.
   */
  @Prop({ type: Date, default: null }) deletedAt!: Date | null;
}

/** The outbox; the item's id unique within its group; listing walks (createdAt, id) within a group. */
export function indexGroupContent(schema: MongooseSchema, idField: string, direction: 1 | -1): void {
  addOutbox(schema);
  schema.index({ appId: 1, groupId: 1, [idField]: 1 }, { unique: true });
  schema.index({ appId: 1, groupId: 1, createdAt: direction, [idField]: direction });
}
