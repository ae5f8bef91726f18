import { Module } from '@nestjs/common';

import { AdminWebhooksController } from './admin-webhooks.controller';

/** The native admin API of webhooks (`/admin/v1/webhooks`). */
@Module({ controllers: [AdminWebhooksController] })
export class AdminWebhooksModule {}
