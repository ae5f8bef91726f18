import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

import { factProp, type StoredFact } from '../../standings/stored-facts';

/** Kept after the group is destroyed (`life` false): a late event of the group must not bring it back. */
@Schema({ collection: 'group_facts', versionKey: false })
export class GroupFactsDoc {
  @Prop({ required: true }) appId!: string;
  @Prop({ required: true }) groupId!: string;
  @Prop(factProp(Boolean)) life?: StoredFact<boolean>;
  /** Mute-all's end: ms since epoch, -1 permanent, null off. */
  @Prop(factProp(Number)) muteAll?: StoredFact<number | null>;
}

export const GroupFactsSchema = SchemaFactory.createForClass(GroupFactsDoc);
GroupFactsSchema.index({ appId: 1, groupId: 1 }, { unique: true });
