import { Module } from '@nestjs/common';
import { AllowlistModule } from '../allowlist/allowlist.module';
import { BlocksModule } from '../blocks/blocks.module';
import { MutesModule } from '../mutes/mutes.module';
import { ModerationPurgeOnGroupDestroyed } from './moderation-purge.handler';

@Module({
  imports: [MutesModule, BlocksModule, AllowlistModule],
  providers: [ModerationPurgeOnGroupDestroyed],
})
export class GroupPurgeModule {}
