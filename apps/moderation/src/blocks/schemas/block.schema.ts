import { Schema, SchemaFactory } from '@nestjs/mongoose';
import { GroupUserEntryDoc, indexGroupUserList } from '../../user-lists/group-user-entry.schema';

/** A blocked user: out of the group and unable to come back until unblocked. */
@Schema({ collection: 'blocks', versionKey: false })
export class BlockDoc extends GroupUserEntryDoc {}

export const BlockSchema = SchemaFactory.createForClass(BlockDoc);
indexGroupUserList(BlockSchema);
