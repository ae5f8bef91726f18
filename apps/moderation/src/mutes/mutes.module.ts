import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PeersModule } from '../peers/peers.module';
import { MutesController } from './mutes.controller';
import { MutesService } from './mutes.service';
import { MuteRepository } from './mute.repository';
import { MuteDoc, MuteSchema } from './schemas/mute.schema';

@Module({
  imports: [MongooseModule.forFeature([{ name: MuteDoc.name, schema: MuteSchema }]), PeersModule],
  controllers: [MutesController],
  providers: [MuteRepository, MutesService],
  exports: [MuteRepository],
})
export class MutesModule {}
