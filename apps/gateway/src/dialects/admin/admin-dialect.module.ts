import { Module } from '@nestjs/common';

import { AdminActionsController } from './admin-actions.controller';
import { AdminAuditController } from './admin-audit.controller';
import { AdminGroupsController } from './admin-groups.controller';
import { AdminStatsController } from './admin-stats.controller';

@Module({
  controllers: [AdminGroupsController, AdminActionsController, AdminAuditController, AdminStatsController],
})
export class AdminDialectModule {}
