import { addOutbox } from '@cohort/outbox';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** One custom attribute, inside its room's document. */
@Schema({ _id: false, versionKey: false })
export class AttributeDoc {
  @Prop({ required: true }) key!: string;
  @Prop({ default: '' }) value!: string;
  @Prop({ required: true }) ownerId!: string;
  @Prop({ required: true }) removeOnLeave!: boolean;
  @Prop({ required: true }) updatedAt!: Date;
}

/**
 * A chatroom's custom attributes, all in one document (at most 100 keys of at most 4096
 * characters), so that every change — ownership, the 100-key limit and its event — is one
 * conditional single-document write on `version`. `destroyed` marks a room whose attributes were
 * purged, so that a write racing the purge cannot bring them back.
 */
@Schema({ collection: 'rooms', versionKey: false })
export class RoomDoc {
  @Prop({ required: true }) appId!: string;
  @Prop({ required: true }) groupId!: string;
  /** Incremented by every write: a write is applied only to the version it was planned on. */
  @Prop({ required: true }) version!: number;
  @Prop({ type: [SchemaFactory.createForClass(AttributeDoc)], default: [] }) attributes!: AttributeDoc[];
  @Prop({ default: false }) destroyed!: boolean;
}

export const RoomSchema = SchemaFactory.createForClass(RoomDoc);
RoomSchema.index({ appId: 1, groupId: 1 }, { unique: true });
addOutbox(RoomSchema);
