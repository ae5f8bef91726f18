import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { MutesController } from './mutes.controller';
import { MutesService } from './mutes.service';
import { MuteRepository } from './mute.repository';
import { MuteDoc, MuteSchema } from './schemas/mute.schema';

@Module({
  imports: [MongooseModule.forFeature([{ name: MuteDoc.name, schema: MuteSchema }])],
  controllers: [MutesController],
  providers: [MuteRepository, MutesService],
  exports: [MuteRepository],
})
export class MutesModule {}
