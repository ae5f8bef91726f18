import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** Field limits of a shared file (contracts Limits); the service validates first, the schema is a backstop. */
export const FILE_NAME_MAX = 256;
export const FILE_TYPE_MAX = 128;
export const FILE_URL_MAX = 2048;

/** A group file's metadata; the bytes live at `url`, never here. */
@Schema({ collection: 'files', versionKey: false })
export class FileDoc {
  @Prop({ required: true }) appId!: string;
  @Prop({ required: true }) groupId!: string;
  @Prop({ required: true }) fileId!: string;
  @Prop({ required: true, maxlength: FILE_NAME_MAX }) name!: string;
  @Prop({ required: true, min: 0 }) size!: number;
  @Prop({ default: '', maxlength: FILE_TYPE_MAX }) type!: string;
  @Prop({ required: true, maxlength: FILE_URL_MAX }) url!: string;
  /** Null when an app admin uploaded without naming a user. */
  @Prop({ type: String, default: null }) uploaderId!: string | null;
  @Prop({ required: true }) createdAt!: Date;
  @Prop({ required: true }) updatedAt!: Date;
}

export const FileSchema = SchemaFactory.createForClass(FileDoc);
FileSchema.index({ appId: 1, groupId: 1, fileId: 1 }, { unique: true });
// Listing walks (createdAt, fileId) within a group.
FileSchema.index({ appId: 1, groupId: 1, createdAt: 1, fileId: 1 });
