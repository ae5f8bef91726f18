import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** Users who may create chatrooms with a user token. */
@Schema({ collection: 'super_admins', versionKey: false })
export class SuperAdminDoc {
  @Prop({ required: true }) appId!: string;
  @Prop({ required: true }) userId!: string;
  @Prop({ required: true }) createdAt!: Date;
}

export const SuperAdminSchema = SchemaFactory.createForClass(SuperAdminDoc);
SuperAdminSchema.index({ appId: 1, userId: 1 }, { unique: true });
SuperAdminSchema.index({ appId: 1, createdAt: 1 });
