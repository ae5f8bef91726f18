import { invalidParameter } from '@cohort/errors';

/** The domain takes larger batches from other dialects, so the dialect holds Easemob's documented limit itself. */
export function pathUsernames(usernames: string, max: number): string[] {
  const userIds = usernames.split(',');
  if (userIds.length > max) throw invalidParameter('usernames', `must name at most ${max} users`);
  return userIds;
}
