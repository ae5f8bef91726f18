import { Schema, SchemaFactory } from '@nestjs/mongoose';
import { GroupUserEntryDoc, indexGroupUserList } from '../../user-lists/group-user-entry.schema';

/** An allowlisted user: may send while mute-all is on (never overrides an individual mute). */
@Schema({ collection: 'allows', versionKey: false })
export class AllowDoc extends GroupUserEntryDoc {}

export const AllowSchema = SchemaFactory.createForClass(AllowDoc);
indexGroupUserList(AllowSchema);
