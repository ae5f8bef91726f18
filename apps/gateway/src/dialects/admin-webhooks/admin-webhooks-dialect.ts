import { ApiTags } from '@nestjs/swagger';

import { appAdminAuthDocs, AppAdminGuard } from '../../auth/app-admin.guard';
import type { HttpDialect } from '../../http/dialect';
import { plainDialect } from '../../http/plain-dialect';
import { ApiEdgeResponses } from '../../openapi/status-answers';

/**
 * `/admin/v1/webhooks...`: Cohort's own JSON API for the app's server, with an app-admin token. Errors
 * as the gateway's own endpoints answer them (`{error, message}`, the message naming the field).
 */
export const adminWebhooksDialect: HttpDialect = {
  ...plainDialect,
  name: 'admin-webhooks',
  auth: AppAdminGuard,
  apiDocs: () => [ApiTags('admin: webhooks'), ...appAdminAuthDocs(), ...ApiEdgeResponses()],
};
