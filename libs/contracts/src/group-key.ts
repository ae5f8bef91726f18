import type { Caller } from './common/caller';

/** The tenant and the group: every group-scoped query in every service is keyed by both. */
export interface GroupKey {
  appId: string;
  groupId: string;
}

/** The key of a group as the caller's app sees it (no query may cross apps). */
export function groupKeyOf(context: { caller: Caller }, groupId: string): GroupKey {
  return { appId: context.caller.appId, groupId };
}
