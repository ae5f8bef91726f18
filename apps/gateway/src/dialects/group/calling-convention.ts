import type { IncomingHttpHeaders } from 'node:http';
import { tokenFromHeaders } from '../../auth/bearer';

/** What a /group call carries besides its own arguments. */
export interface GroupCallParams {
  token: string | null;
  appId: unknown;
  /** Act as this user (app-admin tokens only). */
  userId: unknown;
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * The vendor's clients send `access-token`, `app_id` and `user_id` as request headers; the same
 * names are accepted in the query (handy for curl). The header wins when both are sent; an empty
 * header counts as absent. The token may also come as `Authorization: Bearer`, after
 * `access-token` and before the query.
 *
 * The vendor's `group_id` header ("act as an admin of that group", app-admin tokens) is read by
 * nobody: an app-admin token already has owner rights in every group of its app. It is never the
 * call's own `group_id` argument either (GET /group/info's query, a body field). Likewise a
 * route's own query argument named `user_id` (`queryArguments`) is not the act-as `user_id`.
 */
export function groupCallParams(headers: IncomingHttpHeaders, query: Record<string, unknown>, queryArguments: readonly string[] = []): GroupCallParams {
  const param = (name: string): unknown => {
    const header = first(headers[name]);
    if (header !== undefined && header !== '') return header;
    // A route's own argument of the same name (QueryArguments) is never the call's context.
    return queryArguments.includes(name) ? undefined : query[name];
  };
  const queryToken = query['access-token'];
  return {
    token: tokenFromHeaders(headers, true) ?? (typeof queryToken === 'string' && queryToken !== '' ? queryToken : null),
    appId: param('app_id'),
    userId: param('user_id'),
  };
}
