import { Module } from '@nestjs/common';

import { PeersModule } from '../peers/peers.module';
import { StandingsModule } from '../standings/standings.module';
import { EndedMutesSweeper } from './ended-mutes.sweeper';
import { MutesController } from './mutes.controller';
import { MutesService } from './mutes.service';

@Module({
  imports: [StandingsModule, PeersModule],
  controllers: [MutesController],
  providers: [MutesService, EndedMutesSweeper],
})
export class MutesModule {}
