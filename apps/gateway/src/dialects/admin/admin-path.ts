import { GROUP_ID_PATTERN, USER_ID_PATTERN } from '@cohort/contracts';
import { invalidParameter } from '@cohort/errors';
import { applyDecorators, Controller } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';

import { Dialect } from '../../http/dialect.decorator';
import { RateLimitFamily } from '../../http/rate-limit.guard';
import { adminDialect } from './admin-dialect';

export const ADMIN_PREFIX = 'admin/v1';

export const AdminController = (path: string, tag: string, family: string): ClassDecorator =>
  applyDecorators(Controller(`${ADMIN_PREFIX}/${path}`), ApiTags(tag), Dialect(adminDialect), RateLimitFamily(family));

export const ApiGroupIdParam = (): MethodDecorator & ClassDecorator =>
  ApiParam({
    name: 'groupId',
    description: 'The group or chatroom id',
    schema: { type: 'string', pattern: GROUP_ID_PATTERN.source },
  });

export const ApiUserIdParam = (): MethodDecorator & ClassDecorator =>
  ApiParam({ name: 'userId', description: 'The user id', schema: { type: 'string', pattern: USER_ID_PATTERN.source } });

export function groupIdOf(value: string): string {
  if (!GROUP_ID_PATTERN.test(value)) throw invalidParameter('groupId', 'must be a group id (decimal digits or a UUID)');
  return value;
}

export function userIdOf(value: string): string {
  if (!USER_ID_PATTERN.test(value))
    throw invalidParameter('userId', 'must be a user id (1..64 chars of [A-Za-z0-9_.@:-])');
  return value;
}
