import { Module } from '@nestjs/common';

import { PeersModule } from '../peers/peers.module';
import { StandingsModule } from '../standings/standings.module';
import { BlocksController } from './blocks.controller';
import { BlocksService } from './blocks.service';

@Module({
  imports: [StandingsModule, PeersModule],
  controllers: [BlocksController],
  providers: [BlocksService],
})
export class BlocksModule {}
