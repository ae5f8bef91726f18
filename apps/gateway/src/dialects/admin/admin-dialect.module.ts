import { Module } from '@nestjs/common';

import { AdminActionsController } from './admin-actions.controller';
import { AdminAuditController } from './admin-audit.controller';
import { AdminGroupsController } from './admin-groups.controller';
import { AdminStatsController } from './admin-stats.controller';

/** The native admin API under `/admin/v1/` (admin-dialect.ts): what the console calls. */
@Module({
  controllers: [AdminGroupsController, AdminActionsController, AdminAuditController, AdminStatsController],
})
export class AdminDialectModule {}
