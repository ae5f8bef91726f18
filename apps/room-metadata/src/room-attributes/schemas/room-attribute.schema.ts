import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** Limits of a room attribute (contracts Limits); the service validates first, the schema is a backstop. */
export const ROOM_ATTRIBUTE_KEY_PATTERN = /^[A-Za-z0-9_.-]{1,128}$/;
export const ROOM_ATTRIBUTE_VALUE_MAX = 4096;

export const AUTO_DELETE_MODES = ['DELETE', 'NO_DELETE'] as const;
/** DELETE: the attribute goes away when its owner leaves the room. */
export type AutoDelete = (typeof AUTO_DELETE_MODES)[number];

/** One custom attribute of a chatroom: (room, key) → value, owned by the user who set it. */
@Schema({ collection: 'room_attributes', versionKey: false })
export class RoomAttributeDoc {
  @Prop({ required: true }) appId!: string;
  @Prop({ required: true }) groupId!: string;
  @Prop({ required: true, match: ROOM_ATTRIBUTE_KEY_PATTERN }) key!: string;
  @Prop({ default: '', maxlength: ROOM_ATTRIBUTE_VALUE_MAX }) value!: string;
  @Prop({ required: true }) ownerId!: string;
  @Prop({ type: String, enum: AUTO_DELETE_MODES, default: 'DELETE' }) autoDelete!: AutoDelete;
  @Prop({ required: true }) updatedAt!: Date;
}

export const RoomAttributeSchema = SchemaFactory.createForClass(RoomAttributeDoc);
RoomAttributeSchema.index({ appId: 1, groupId: 1, key: 1 }, { unique: true });
// A leaving member's attributes are found by owner.
RoomAttributeSchema.index({ appId: 1, groupId: 1, ownerId: 1 });
