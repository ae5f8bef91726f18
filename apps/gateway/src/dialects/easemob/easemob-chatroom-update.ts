import { DomainError, invalidParameter } from '@cohort/errors';
import { validationSchemaOf } from '../../openapi/validation-schema';
import { ChatroomUpdateBody } from './dto/chatroom.dto';

/** Every field PUT /chatrooms/{id} takes. */
const UPDATE_FIELDS = Object.keys(validationSchemaOf(ChatroomUpdateBody).properties);

/** Fields of PUT /chatrooms/{id} whose handling comes with a later issue: refused until then. */
const NOT_SUPPORTED_YET = ['name', 'description', 'maxusers'];

/** What PUT /chatrooms/{id} is asked to do, once every field sent is one it takes and handles. */
export function chatroomUpdate(body: ChatroomUpdateBody, sent: readonly string[]): { newOwnerId: string } {
  const unknown = sent.find((field) => !UPDATE_FIELDS.includes(field));
  // Named as sent: no field table may rename it (a field `capacity` is not `maxusers`).
  if (unknown) throw new DomainError('invalid_parameter', `${unknown}: is not a chatroom field (${UPDATE_FIELDS.join(', ')})`);
  const later = sent.find((field) => NOT_SUPPORTED_YET.includes(field));
  if (later) throw invalidParameter(later, 'not supported yet');
  if (body.newowner === undefined || body.newowner === null) throw invalidParameter('newowner', 'is required');
  return { newOwnerId: body.newowner };
}
