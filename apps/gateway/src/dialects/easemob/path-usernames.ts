import { invalidParameter } from '@cohort/errors';

/**
 * The users a path segment names (`u1,u2,…`), within Easemob's documented limit for the route:
 * the domain takes larger batches from other dialects, so the dialect holds its own.
 */
export function pathUsernames(usernames: string, max: number): string[] {
  const userIds = usernames.split(',');
  if (userIds.length > max) throw invalidParameter('usernames', `must name at most ${max} users`);
  return userIds;
}
