import { applyDecorators, UseGuards, UseInterceptors } from '@nestjs/common';

import type { HttpDialect } from './dialect';
import { RateLimitGuard } from './rate-limit.guard';
import { routeMeta } from './route-meta';

/**
 * The dialect of every route of a controller: its errors (rendered by the global filter, which
 * reads the dialect from the matched route), its field names, its auth guard followed by the
 * rate limit, its success envelope and its API docs.
 */
export function Dialect(dialect: HttpDialect): ClassDecorator {
  return applyDecorators(
    routeMeta({ dialect }),
    ...(dialect.auth ? [UseGuards(dialect.auth, RateLimitGuard)] : []),
    ...(dialect.envelope ? [UseInterceptors(dialect.envelope)] : []),
    ...(dialect.apiDocs?.() ?? []),
  );
}
