import { GroupAccessModule } from '@cohort/group-access';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';

import { RoomAttributesPurgeOnGroupDestroyed } from '../purge/room-attributes-purge.handler';
import { RoomAttributesRemoveOnOwnerLeft } from './owner-left.handler';
import { RoomRepository } from './room.repository';
import { RoomAttributesController } from './room-attributes.controller';
import { RoomAttributesService } from './room-attributes.service';
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
