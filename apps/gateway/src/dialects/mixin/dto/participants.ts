import { USER_ID_PATTERN } from '@cohort/contracts';
import { invalidParameter } from '@cohort/errors';
import type { PipeTransform } from '@nestjs/common';
import type { SchemaObject } from '@nestjs/swagger';

/**
 * A participant as Mixin's clients send one: `{user_id}`, with `role` ("ADMIN" or "") when roles
 * change. Go clients drop an empty `role` (`omitempty`): absent means "" (a plain participant).
 */
export interface ParticipantRef {
  user_id: string;
  role?: 'ADMIN' | '';
}

const ROLES = ['ADMIN', ''];

/** The schema of a list of at most `max` participants (with their `role` when `withRole`). */
export function participantsSchema(max: number, withRole: boolean): SchemaObject {
  return {
    type: 'array',
    maxItems: max,
    items: {
      type: 'object',
      required: ['user_id'],
      properties: {
        user_id: { type: 'string', pattern: USER_ID_PATTERN.source },
        ...(withRole ? { role: { type: 'string', enum: ROLES, default: '', description: 'absent: ""' } } : {}),
      },
    },
  };
}

/** The participants of `value`, or why not (naming `field[i].user_id`); other fields of an item are ignored. */
export function participantsOf(value: unknown, max: number, withRole: boolean, field: string): ParticipantRef[] {
  if (!Array.isArray(value)) throw invalidParameter(field, 'must be a list of {user_id}');
  if (value.length > max) throw invalidParameter(field, `must contain at most ${max} participants`);
  return value.map((item: unknown, index) => {
    const { user_id: userId, role } = (item ?? {}) as { user_id?: unknown; role?: unknown };
    if (typeof userId !== 'string' || !USER_ID_PATTERN.test(userId))
      throw invalidParameter(`${field}[${index}].user_id`, 'must be a user id');
    if (!withRole) return { user_id: userId };
    if (role === undefined) return { user_id: userId, role: '' };
    if (typeof role !== 'string' || !ROLES.includes(role))
      throw invalidParameter(`${field}[${index}].role`, 'must be "ADMIN" or ""');
    return { user_id: userId, role: role as 'ADMIN' | '' };
  });
}

/** Whether `value` is a valid list (for a body field: @Shaped). */
export const isParticipantList =
  (max: number, withRole: boolean) =>
  (value: unknown): boolean => {
    try {
      participantsOf(value, max, withRole, 'participants');
      return true;
    } catch {
      return false;
    }
  };

/** A bare JSON array body of participants (`/participants/ADD|REMOVE|ROLE`). */
export class ParticipantsBody implements PipeTransform<unknown, ParticipantRef[]> {
  constructor(
    private readonly max: number,
    private readonly withRole: boolean,
  ) {}

  transform(value: unknown): ParticipantRef[] {
    return participantsOf(value, this.max, this.withRole, 'body');
  }
}
