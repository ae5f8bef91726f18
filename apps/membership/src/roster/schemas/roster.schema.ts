import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** One per group: the maintained member count and the capacity it may never exceed. */
@Schema({ collection: 'rosters', versionKey: false })
export class RosterDoc {
  @Prop({ required: true }) appId!: string;
  @Prop({ required: true }) groupId!: string;
  @Prop({ required: true }) ownerId!: string;
  @Prop({ required: true }) capacity!: number;
  @Prop({ required: true }) memberCount!: number;
  @Prop({ required: true }) createdAt!: Date;
}

export const RosterSchema = SchemaFactory.createForClass(RosterDoc);
RosterSchema.index({ appId: 1, groupId: 1 }, { unique: true });
