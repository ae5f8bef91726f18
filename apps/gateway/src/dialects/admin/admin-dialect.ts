import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse } from '@nestjs/swagger';

import { appAdminAuthDocs, AppAdminGuard } from '../../auth/app-admin.guard';
import type { HttpDialect } from '../../http/dialect';
import { plainDialect } from '../../http/plain-dialect';
import { ApiEdgeResponses } from '../../openapi/status-answers';

export const adminDialect: HttpDialect = {
  ...plainDialect,
  name: 'admin',
  auth: AppAdminGuard,
  apiDocs: () => [
    ...appAdminAuthDocs('a rule refused the action'),
    ApiBadRequestResponse({ description: '`invalid_parameter`: the message names the field' }),
    ApiNotFoundResponse({ description: '`group_not_found`: no such group in this app' }),
    ApiConflictResponse({ description: 'The group is full, has too many admins, or changed meanwhile' }),
    ...ApiEdgeResponses(),
  ],
};
