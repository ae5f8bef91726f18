import { appAdminAuthDocs, AppAdminGuard } from '../../auth/app-admin.guard';
import type { HttpDialect } from '../../http/dialect';
import { plainDialect } from '../../http/plain-dialect';
import { ApiEdgeResponses } from '../../openapi/status-answers';

/** The admin API's token routes: the gateway's plain answers, the app-admin token (as every `/admin/v1` route). */
export const adminAuthDialect: HttpDialect = {
  ...plainDialect,
  name: 'admin-auth',
  auth: AppAdminGuard,
  apiDocs: () => [...appAdminAuthDocs(), ...ApiEdgeResponses()],
};
