import { applyDecorators, UseGuards, UseInterceptors } from '@nestjs/common';

import type { HttpDialect } from './dialect';
import { RateLimitGuard } from './rate-limit.guard';
import { routeMeta } from './route-meta';

export function Dialect(dialect: HttpDialect): ClassDecorator {
  return applyDecorators(
    routeMeta({ dialect }),
    ...(dialect.auth ? [UseGuards(dialect.auth, RateLimitGuard)] : []),
    ...(dialect.envelope ? [UseInterceptors(dialect.envelope)] : []),
    ...(dialect.apiDocs?.() ?? []),
  );
}
