import { DomainError } from '@cohort/errors';

import { GroupPathController } from './easemob-group-path';

/** The tag of every chatroom operation in the API reference. */
export const CHATROOMS_TAG = 'easemob: chatrooms';

/**
 * A controller of `/{org_name}/{app_name}/chatrooms/{id}/...`. A chatroom id is decimal digits (a
 * string in Easemob); any other id is an unknown endpoint (404) to the router.
 */
export const ChatroomController = (): ClassDecorator =>
  GroupPathController('chatrooms', 'id', CHATROOMS_TAG, 'The chatroom id');

/** The group a `/chatrooms/{id}` route names: a chatroom only (a private group there is not found). */
export function chatroom(id: string): { groupId: string; groupType: 'chatroom' } {
  return { groupId: id, groupType: 'chatroom' };
}

/** A group that is missing, destroyed, or not a chatroom, as a `/chatrooms` route answers it (404). */
export const chatroomNotFound = (id: string): DomainError =>
  new DomainError('group_not_found', `chatroom ${id} does not exist`);
