import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';

/** Page sizes of the vendor's document: the default when `limit` is absent, and the maximum. */
export const GroupPageSizes = {
  memberList: 1000,
  bannedList: 1000,
  blockedList: 1000,
  applicationList: 100,
  invitationList: 100,
} as const;

/**
 * A `limit` the client may leave out: numeric strings → numbers, above `pageSize` → `pageSize`,
 * absent or empty → undefined (the route then answers the whole list).
 */
export function optionalPageLimit(value: unknown, pageSize: number): unknown {
  return value === undefined || value === '' ? undefined : pageLimit(value, pageSize);
}

/** Absent or empty → the default; numeric strings (all query values are strings) → numbers; above the maximum → the maximum. */
function pageLimit(value: unknown, pageSize: number): unknown {
  if (value === undefined || value === '') return pageSize;
  const limit = typeof value === 'string' && /^[0-9]+$/.test(value) ? Number(value) : value;
  return typeof limit === 'number' && limit > pageSize ? pageSize : limit;
}

/**
 * The paging query of the /group lists, whose default and maximum page size is `pageSize`:
 * `class MemberListQuery extends GroupPagingQuery(GroupPageSizes.memberList) { ... }`. The answer
 * is a `GroupPage` (the envelope adds `cursor`, `total` and `version: 0`).
 */
export function GroupPagingQuery(pageSize: number) {
  class PagingQuery {
    @ApiPropertyOptional({ description: 'Opaque position from the previous page; absent or empty: the first page' })
    @IsOptional()
    @IsString()
    @MaxLength(1024)
    cursor?: string;

    @ApiPropertyOptional({
      type: 'integer',
      minimum: 1,
      default: pageSize,
      description: `Page size, at most ${pageSize} (larger values are capped)`,
    })
    @Transform(({ value }) => pageLimit(value, pageSize))
    @Min(1, { message: 'must be a positive integer' })
    @IsInt({ message: 'must be a positive integer' })
    limit: number = pageSize;

    @ApiPropertyOptional({
      type: 'integer',
      default: 0,
      description: 'Reserved by the vendor: accepted, ignored, answered as 0',
    })
    @IsOptional()
    version?: unknown;
  }
  return PagingQuery;
}
