import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { MuteRepository } from './mute.repository';
import { MuteDoc, MuteSchema } from './schemas/mute.schema';

@Module({
  imports: [MongooseModule.forFeature([{ name: MuteDoc.name, schema: MuteSchema }])],
  providers: [MuteRepository],
  exports: [MuteRepository],
})
export class MutesModule {}
