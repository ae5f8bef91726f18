import { Limits } from '@cohort/contracts';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

import { GroupContentDoc, indexGroupContent } from '../../content-store/group-content.schema';

/** The latest entry not deleted is the current announcement. The limits here are a backstop. */
@Schema({ collection: 'announcements', versionKey: false })
export class AnnouncementDoc extends GroupContentDoc {
  @Prop({ required: true }) announcementId!: string;
  @Prop({ default: '', maxlength: Limits.announcementTitle }) title!: string;
  @Prop({ default: '', maxlength: Limits.announcementContent }) content!: string;
  /** Null when an app admin published without naming a user. */
  @Prop({ type: String, default: null }) authorId!: string | null;
}

export const AnnouncementSchema = SchemaFactory.createForClass(AnnouncementDoc);
indexGroupContent(AnnouncementSchema, 'announcementId', -1);
