import { ApiBearerAuth } from '@nestjs/swagger';
import type { HttpDialect } from '../../http/dialect';
import { plainDialect } from '../../http/plain-dialect';
import { AdminAuthGuard } from './admin-auth.guard';

/**
 * The native admin API (`/admin/v1/...`): an app-admin token (`Authorization: Bearer`), domain
 * field names, answers as they are, and every error in the gateway's plain envelope
 * `{error, message}` with the canonical status.
 */
export const adminDialect: HttpDialect = {
  ...plainDialect,
  name: 'admin',
  auth: AdminAuthGuard,
  apiDocs: () => [ApiBearerAuth()],
};
