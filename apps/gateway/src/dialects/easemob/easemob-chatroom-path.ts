import { DomainError } from '@cohort/errors';

import { GroupPathController } from './easemob-group-path';

export const CHATROOMS_TAG = 'easemob: chatrooms';

/** Any other id than decimal digits is an unknown endpoint (404) to the router. */
export const ChatroomController = (): ClassDecorator =>
  GroupPathController('chatrooms', 'id', CHATROOMS_TAG, 'The chatroom id');

/** A private group there is not found. */
export function chatroom(id: string): { groupId: string; groupType: 'chatroom' } {
  return { groupId: id, groupType: 'chatroom' };
}

export const chatroomNotFound = (id: string): DomainError =>
  new DomainError('group_not_found', `chatroom ${id} does not exist`);
