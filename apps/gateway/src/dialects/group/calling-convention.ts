import type { IncomingHttpHeaders } from 'node:http';

import { tokenFromHeaders } from '../../auth/bearer';

/** What a /group call carries besides its own arguments. */
export interface GroupCallParams {
  token: string | null;
  appId: unknown;
  /** Act as this user (app-admin tokens only). */
  userId: unknown;
  /** The group an app-admin token acts in, as its admin (the vendor's `group_id` header). */
  groupId: string | undefined;
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * The vendor's clients send `access-token`, `app_id` and `user_id` as request headers; the same
 * names are accepted in the query (handy for curl). The header wins when both are sent; an empty
 * header counts as absent. The token may also come as `Authorization: Bearer`, after
 * `access-token` and before the query.
 *
 * The vendor's `group_id` header ("act as an admin of that group", app-admin tokens) names the
 * group of a call whose body or query does not (fillGroupIdFromHeader). A route's own query
 * argument named `user_id` (`queryArguments`) is not the act-as `user_id`.
 */
export function groupCallParams(
  headers: IncomingHttpHeaders,
  query: Record<string, unknown>,
  queryArguments: readonly string[] = [],
): GroupCallParams {
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
    groupId: nonEmpty(first(headers.group_id)),
  };
}

const nonEmpty = (value: string | undefined) => (value === undefined || value === '' ? undefined : value);

/**
 * The vendor's document puts `group_id` in a header for most operations, where its seed shows it
 * in the query or the body: a call that names its group only by header is read as if the query
 * and the body named it (a route without a `group_id` argument drops it with other unknown fields).
 * Where both name a group, the call's own argument wins.
 */
export function fillGroupIdFromHeader(request: { body?: unknown; query?: unknown }, groupId: string | undefined): void {
  if (groupId === undefined) return;
  for (const part of [request.body, request.query]) {
    if (
      part !== null &&
      typeof part === 'object' &&
      !Array.isArray(part) &&
      (part as Record<string, unknown>).group_id === undefined
    ) {
      (part as Record<string, unknown>).group_id = groupId;
    }
  }
}
