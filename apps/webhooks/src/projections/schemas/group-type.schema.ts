import type { GroupType } from '@cohort/contracts';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** The `easemob` format's `type`, projected from `group.created`. */
@Schema({ collection: 'group_types', versionKey: false })
export class GroupTypeDoc {
  @Prop({ required: true }) appId!: string;
  @Prop({ required: true }) groupId!: string;
  @Prop({ type: String, required: true }) type!: GroupType;
}

export const GroupTypeSchema = SchemaFactory.createForClass(GroupTypeDoc);
GroupTypeSchema.index({ appId: 1, groupId: 1 }, { unique: true });
