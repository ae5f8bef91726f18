/** The tenant and the group: every group-scoped query in every service is keyed by both. */
export interface GroupKey {
  appId: string;
  groupId: string;
}
