import type { HttpDialect } from '../../http/dialect';
import { plainDialect } from '../../http/plain-dialect';
import { AppAdminGuard } from './app-admin.guard';

/** The admin API's token routes: the gateway's plain answers, an app token required. */
export const adminAuthDialect: HttpDialect = { ...plainDialect, name: 'admin-auth', auth: AppAdminGuard };
