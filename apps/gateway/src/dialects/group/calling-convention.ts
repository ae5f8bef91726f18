import type { IncomingHttpHeaders } from 'node:http';

import { tokenFromHeaders } from '../../auth/bearer';

export interface GroupCallParams {
  token: string | null;
  appId: unknown;
  /** App-admin tokens only. */
  userId: unknown;
  /** The vendor's `group_id` header: act as an admin of this group. */
  groupId: string | undefined;
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The header wins over the query (handy for curl); an empty header counts as absent (docs/api/group.md). */
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
 * The vendor's document puts `group_id` in a header where its examples put it in the query or the
 * body: a call naming its group only by header is read as if they did; the call's own argument wins.
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
