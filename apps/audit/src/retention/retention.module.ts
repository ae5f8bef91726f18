import { Module } from '@nestjs/common';

import { AuditEntriesModule } from '../entries/audit-entries.module';
import { AuditRetentionSweep } from './audit-retention.sweeper';

@Module({
  imports: [AuditEntriesModule],
  providers: [AuditRetentionSweep],
})
export class RetentionModule {}
