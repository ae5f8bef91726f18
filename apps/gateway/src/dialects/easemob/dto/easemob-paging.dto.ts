import { Limits } from '@cohort/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

import type { EasemobParams } from '../easemob-envelope.interceptor';

/** Easemob's page sizes: the largest page of a list, and the answer of joined_chatrooms without paging. */
export const EasemobPageSizes = {
  max: Limits.memberPageMax,
  joinedWithoutPaging: 500,
  superAdminsDefault: 10,
  chatroomsDefault: 10,
} as const;

const PAGE_NUMBER = { message: 'must be a positive integer' };
const PAGE_SIZE = { message: `must be an integer from 1 to ${EasemobPageSizes.max}` };
const CHATROOM_LIMIT = { message: `must be an integer from 1 to ${Limits.chatroomListPageMax}` };

/** Anything but a decimal integer is left for the rules to refuse. */
const IntegerParam = (fallback?: number): PropertyDecorator =>
  Transform(({ value }) =>
    value === undefined || value === ''
      ? fallback
      : typeof value === 'string' && /^-?[0-9]+$/.test(value)
        ? Number(value)
        : value,
  );

export const pagingParams = (paging: Record<string, number | string | undefined>): EasemobParams =>
  Object.fromEntries(
    Object.entries(paging).flatMap(([name, value]) => (value === undefined ? [] : [[name, [String(value)]]])),
  );

function PageNumberQuery(size: number, max: number, items: string) {
  const pageSize = { message: `must be an integer from 1 to ${max}` };
  class PageQuery {
    @ApiPropertyOptional({ type: 'integer', default: 1, description: 'The page, from 1' })
    @IntegerParam(1)
    @IsInt(PAGE_NUMBER)
    @Min(1, PAGE_NUMBER)
    pagenum: number = 1;

    @ApiPropertyOptional({ type: 'integer', default: size, description: `${items} per page, 1 to ${max}` })
    @IntegerParam(size)
    @IsInt(pageSize)
    @Min(1, pageSize)
    @Max(max, pageSize)
    pagesize: number = size;
  }
  return PageQuery;
}

/** GET /chatrooms/{id}/users: page `pagenum` (from 1) of `pagesize` members (default 1000). */
export class MemberPageQuery extends PageNumberQuery(EasemobPageSizes.max, EasemobPageSizes.max, 'Members') {}

/** GET /chatrooms/super_admin: page `pagenum` (from 1) of `pagesize` super admins (default 10). */
export class SuperAdminPageQuery extends PageNumberQuery(
  EasemobPageSizes.superAdminsDefault,
  Limits.superAdminPageMax,
  'Super admins',
) {}

/** GET /chatrooms: `limit` chatrooms (1 to 100, default 10) from `cursor` (absent or empty: the first page). */
export class ChatroomListQuery {
  @ApiPropertyOptional({
    type: 'integer',
    default: EasemobPageSizes.chatroomsDefault,
    description: `Chatrooms per page, 1 to ${Limits.chatroomListPageMax}`,
  })
  @IntegerParam(EasemobPageSizes.chatroomsDefault)
  @IsInt(CHATROOM_LIMIT)
  @Min(1, CHATROOM_LIMIT)
  @Max(Limits.chatroomListPageMax, CHATROOM_LIMIT)
  limit: number = EasemobPageSizes.chatroomsDefault;

  @ApiPropertyOptional({ description: "The previous page's `cursor`; absent or empty for the first page" })
  @IsOptional()
  @Transform(({ value }) => (value === '' ? undefined : value))
  @IsString()
  @MaxLength(1024)
  cursor?: string;
}

/** GET /users/{username}/joined_chatrooms: a page when either is given, else the most recently joined. */
export class JoinedChatroomsQuery {
  @ApiPropertyOptional({ type: 'integer', description: 'The page, from 1 (default 1 when pagesize is given)' })
  @IsOptional()
  @IntegerParam()
  @IsInt(PAGE_NUMBER)
  @Min(1, PAGE_NUMBER)
  pagenum?: number;

  @ApiPropertyOptional({
    type: 'integer',
    description: `Chatrooms per page, 1 to ${EasemobPageSizes.max} (default ${EasemobPageSizes.max} when pagenum is given). Neither: the ${EasemobPageSizes.joinedWithoutPaging} most recently joined`,
  })
  @IsOptional()
  @IntegerParam()
  @IsInt(PAGE_SIZE)
  @Min(1, PAGE_SIZE)
  @Max(EasemobPageSizes.max, PAGE_SIZE)
  pagesize?: number;
}

/** The page joined_chatrooms answers, and the paging parameters its answer echoes (those that were sent). */
export function joinedPage({ pagenum, pagesize }: JoinedChatroomsQuery): {
  pageNumber: number;
  pageSize: number;
  params?: EasemobParams;
} {
  if (pagenum === undefined && pagesize === undefined)
    return { pageNumber: 1, pageSize: EasemobPageSizes.joinedWithoutPaging };
  return {
    pageNumber: pagenum ?? 1,
    pageSize: pagesize ?? EasemobPageSizes.max,
    params: pagingParams({ pagenum, pagesize }),
  };
}
