import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { RoomAttributesRemoveOnOwnerLeft } from './owner-left.handler';
import { RoomAttributeRepository } from './room-attribute.repository';
import { RoomAttributesPurgeOnGroupDestroyed } from './room-attributes-purge.handler';
import { RoomAttributeDoc, RoomAttributeSchema } from './schemas/room-attribute.schema';

@Module({
  imports: [MongooseModule.forFeature([{ name: RoomAttributeDoc.name, schema: RoomAttributeSchema }])],
  providers: [RoomAttributeRepository, RoomAttributesPurgeOnGroupDestroyed, RoomAttributesRemoveOnOwnerLeft],
  exports: [RoomAttributeRepository],
})
export class RoomAttributesModule {}
