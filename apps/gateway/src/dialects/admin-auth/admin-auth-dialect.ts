import { appAdminAuthDocs, AppAdminGuard } from '../../auth/app-admin.guard';
import type { HttpDialect } from '../../http/dialect';
import { plainDialect } from '../../http/plain-dialect';
import { ApiEdgeResponses } from '../../openapi/status-answers';

export const adminAuthDialect: HttpDialect = {
  ...plainDialect,
  name: 'admin-auth',
  auth: AppAdminGuard,
  apiDocs: () => [...appAdminAuthDocs(), ...ApiEdgeResponses()],
};
