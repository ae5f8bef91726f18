import { GroupPathController } from './easemob-group-path';

/** The tag of every private group operation in the API reference. */
export const CHATGROUPS_TAG = 'easemob: chatgroups';

/**
 * A controller of `/{org_name}/{app_name}/chatgroups/{group_id}/...`. A group id is decimal digits
 * (a string in Easemob); any other id is an unknown endpoint (404) to the router.
 */
export const ChatgroupController = (): ClassDecorator =>
  GroupPathController('chatgroups', 'group_id', CHATGROUPS_TAG, 'The group id');

/** The group a `/chatgroups/{group_id}` route names: a private group only (a chatroom there is not found). */
export function chatgroup(id: string): { groupId: string; groupType: 'group' } {
  return { groupId: id, groupType: 'group' };
}
