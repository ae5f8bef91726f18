import { Module } from '@nestjs/common';

import { SendDecisionModule } from '../send-decision/send-decision.module';
import { StandingsModule } from '../standings/standings.module';
import { ModerationPurgeOnGroupDestroyed } from './moderation-purge.handler';

@Module({
  imports: [StandingsModule, SendDecisionModule],
  providers: [ModerationPurgeOnGroupDestroyed],
})
export class GroupPurgeModule {}
