import { Limits } from '@cohort/contracts';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

import { GroupContentDoc, indexGroupContent } from '../../content-store/group-content.schema';

/** The bytes live at `url`, never here. The limits here are a backstop. */
@Schema({ collection: 'files', versionKey: false })
export class FileDoc extends GroupContentDoc {
  @Prop({ required: true }) fileId!: string;
  @Prop({ required: true, maxlength: Limits.fileName }) name!: string;
  @Prop({ required: true, min: 0 }) size!: number;
  @Prop({ default: '', maxlength: Limits.fileType }) type!: string;
  @Prop({ required: true, maxlength: Limits.fileUrl }) url!: string;
  /** Null when an app admin uploaded without naming a user. */
  @Prop({ type: String, default: null }) uploaderId!: string | null;
  @Prop({ required: true }) updatedAt!: Date;
}

export const FileSchema = SchemaFactory.createForClass(FileDoc);
// Oldest first, so files shared during a walk come after its cursor.
indexGroupContent(FileSchema, 'fileId', 1);
