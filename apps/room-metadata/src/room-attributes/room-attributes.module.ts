import { GroupAccessModule } from '@cohort/group-access';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';

import { RoomAttributesRemoveOnOwnerLeft } from './owner-left.handler';
import { RoomRepository } from './room.repository';
import { RoomAttributesController } from './room-attributes.controller';
import { RoomAttributesService } from './room-attributes.service';
import { RoomAttributesPurgeOnGroupDestroyed } from './room-attributes-purge.handler';
import { RoomDoc, RoomSchema } from './schemas/room.schema';

@Module({
  imports: [MongooseModule.forFeature([{ name: RoomDoc.name, schema: RoomSchema }]), GroupAccessModule],
  controllers: [RoomAttributesController],
  providers: [
    RoomRepository,
    RoomAttributesService,
    RoomAttributesPurgeOnGroupDestroyed,
    RoomAttributesRemoveOnOwnerLeft,
  ],
})
export class RoomAttributesModule {}
