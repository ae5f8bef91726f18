import { Module } from '@nestjs/common';

import { AuditEntriesModule } from '../entries/audit-entries.module';
import { AuditRetentionSweep } from './audit-retention.sweep';

@Module({
  imports: [AuditEntriesModule],
  providers: [AuditRetentionSweep],
})
export class RetentionModule {}
