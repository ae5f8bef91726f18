import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';

import { Outbox } from './outbox';
import { OutboxSweeper } from './outbox-sweeper';

@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [Outbox, OutboxSweeper],
  exports: [Outbox, OutboxSweeper],
})
export class OutboxModule {}
