import { GroupPathController } from './easemob-group-path';

export const CHATGROUPS_TAG = 'easemob: chatgroups';

/** Any other id than decimal digits is an unknown endpoint (404) to the router. */
export const ChatgroupController = (): ClassDecorator =>
  GroupPathController('chatgroups', 'group_id', CHATGROUPS_TAG, 'The group id');

/** A chatroom there is not found. */
export function chatgroup(id: string): { groupId: string; groupType: 'group' } {
  return { groupId: id, groupType: 'group' };
}
