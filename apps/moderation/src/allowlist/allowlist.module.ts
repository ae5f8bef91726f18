import { Module } from '@nestjs/common';

import { PeersModule } from '../peers/peers.module';
import { StandingsModule } from '../standings/standings.module';
import { AllowsController } from './allows.controller';
import { AllowsService } from './allows.service';

@Module({
  imports: [StandingsModule, PeersModule],
  controllers: [AllowsController],
  providers: [AllowsService],
})
export class AllowlistModule {}
