import type { HttpDialect } from '../http/dialect';
import { plainDialect } from '../http/plain-dialect';
import { easemobDialect } from './easemob/easemob-dialect';
import { groupDialect } from './group/group-dialect';
import { mixinDialect } from './mixin/mixin-dialect';

// `admin`: the native admin API; `console`: the admin console's files.
const GATEWAY_ROOTS = new Set(['', 'token', 'health', 'docs', 'openapi.json', 'admin', 'console']);

/** The only place the gateway picks a dialect from the URL: every controller route declares its own with `@Dialect`. */
export function dialectOfUnroutedRequest(url: string): HttpDialect {
  const segments = url.split('?')[0].split('/').filter(Boolean);
  const first = segments[0] ?? '';
  if (first === 'group') return groupDialect;
  if (first === 'conversations' || (first === 'users' && segments.length === 1)) return mixinDialect;
  if (GATEWAY_ROOTS.has(first) || segments.length < 2) return plainDialect;
  return easemobDialect;
}
