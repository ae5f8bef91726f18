import { addOutbox } from '@cohort/outbox';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

@Schema({ _id: false, versionKey: false })
export class AttributeDoc {
  @Prop({ required: true }) key!: string;
  @Prop({ default: '' }) value!: string;
  @Prop({ required: true }) ownerId!: string;
  @Prop({ required: true }) removeOnLeave!: boolean;
  @Prop({ required: true }) updatedAt!: Date;
}

/**
 * All of a chatroom's attributes in one document (at most 100 small keys), so that every change and
 * its event is one conditional write on `version`.
 */
@Schema({ collection: 'rooms', versionKey: false })
export class RoomDoc {
  @Prop({ required: true }) appId!: string;
  @Prop({ required: true }) groupId!: string;
  @Prop({ required: true }) version!: number;
  @Prop({ type: [SchemaFactory.createForClass(AttributeDoc)], default: [] }) attributes!: AttributeDoc[];
  @Prop({ default: false }) destroyed!: boolean;
}

export const RoomSchema = SchemaFactory.createForClass(RoomDoc);
RoomSchema.index({ appId: 1, groupId: 1 }, { unique: true });
addOutbox(RoomSchema);
