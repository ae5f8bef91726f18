import { DomainError, invalidParameter } from '@cohort/errors';

import { validationSchemaOf } from '../../openapi/validation-schema';
import type { AppConfig } from '../../tenancy/app-config';
import { ChatroomUpdateBody } from './dto/chatroom.dto';
import type { ChatroomChanges } from './dto/easemob-answers';
import { withinCapacityCeiling } from './easemob-maxusers';

const UPDATE_FIELDS = Object.keys(validationSchemaOf(ChatroomUpdateBody).properties);

/** In the order it is done, each part only when sent. */
export interface ChatroomUpdate {
  /** First, so that a capacity refused (below the member count) changes nothing else. */
  capacity?: number;
  profile?: { name?: string; description?: string };
  newOwnerId?: string;
}

const given = <T>(value: T | null | undefined): value is T => value !== undefined && value !== null;

/** Any field it does not take is refused, named as sent; at least one field must be given. */
export function chatroomUpdate(body: ChatroomUpdateBody, sent: readonly string[], app: AppConfig): ChatroomUpdate {
  const unknown = sent.find((field) => !UPDATE_FIELDS.includes(field));
  // No field table may rename it: a field `capacity` is not `maxusers`.
  if (unknown)
    throw new DomainError('invalid_parameter', `${unknown}: is not a chatroom field (${UPDATE_FIELDS.join(', ')})`);
  const { name, description, maxusers, newowner } = body;
  if (![name, description, maxusers, newowner].some(given))
    throw invalidParameter('body', `must give at least one of ${UPDATE_FIELDS.join(', ')}`);
  return {
    ...(given(maxusers) ? { capacity: withinCapacityCeiling(app, maxusers) } : {}),
    ...(given(name) || given(description)
      ? { profile: { ...(given(name) ? { name } : {}), ...(given(description) ? { description } : {}) } }
      : {}),
    ...(given(newowner) ? { newOwnerId: newowner } : {}),
  };
}

/** `name` is answered as `groupname`. */
export function chatroomChanges(update: ChatroomUpdate): ChatroomChanges {
  return {
    ...(update.profile?.name !== undefined ? { groupname: true } : {}),
    ...(update.profile?.description !== undefined ? { description: true } : {}),
    ...(update.capacity !== undefined ? { maxusers: true } : {}),
    ...(update.newOwnerId !== undefined ? { newowner: true } : {}),
  };
}
