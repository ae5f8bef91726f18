import { ApiTags } from '@nestjs/swagger';

import { appAdminAuthDocs, AppAdminGuard } from '../../auth/app-admin.guard';
import type { HttpDialect } from '../../http/dialect';
import { plainDialect } from '../../http/plain-dialect';
import { ApiEdgeResponses } from '../../openapi/status-answers';

export const adminWebhooksDialect: HttpDialect = {
  ...plainDialect,
  name: 'admin-webhooks',
  auth: AppAdminGuard,
  apiDocs: () => [ApiTags('admin: webhooks'), ...appAdminAuthDocs(), ...ApiEdgeResponses()],
};
