import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** Field limits of an announcement (contracts Limits); the service validates first, the schema is a backstop. */
export const ANNOUNCEMENT_TITLE_MAX = 128;
export const ANNOUNCEMENT_CONTENT_MAX = 1024;

/** One entry of a group's announcement history; the latest one is "the current announcement". */
@Schema({ collection: 'announcements', versionKey: false })
export class AnnouncementDoc {
  @Prop({ required: true }) appId!: string;
  @Prop({ required: true }) groupId!: string;
  @Prop({ required: true }) announcementId!: string;
  @Prop({ default: '', maxlength: ANNOUNCEMENT_TITLE_MAX }) title!: string;
  @Prop({ default: '', maxlength: ANNOUNCEMENT_CONTENT_MAX }) content!: string;
  /** Null when an app admin published without naming a user. */
  @Prop({ type: String, default: null }) authorId!: string | null;
  @Prop({ required: true }) createdAt!: Date;
}

export const AnnouncementSchema = SchemaFactory.createForClass(AnnouncementDoc);
AnnouncementSchema.index({ appId: 1, groupId: 1, announcementId: 1 }, { unique: true });
// Newest first: "current announcement" and history pages; the id breaks ties.
AnnouncementSchema.index({ appId: 1, groupId: 1, createdAt: -1, announcementId: -1 });
