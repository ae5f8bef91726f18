import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';

/** The vendor's document's: the default when `limit` is absent, and the maximum. */
export const GroupPageSizes = {
  memberList: 1000,
  bannedList: 1000,
  blockedList: 1000,
  applicationList: 100,
  invitationList: 100,
} as const;

/** Absent or empty: undefined, and the route answers the whole list. */
export function optionalPageLimit(value: unknown, pageSize: number): unknown {
  return value === undefined || value === '' ? undefined : pageLimit(value, pageSize);
}

/** All query values are strings; above the maximum means the maximum. */
function pageLimit(value: unknown, pageSize: number): unknown {
  if (value === undefined || value === '') return pageSize;
  const limit = typeof value === 'string' && /^[0-9]+$/.test(value) ? Number(value) : value;
  return typeof limit === 'number' && limit > pageSize ? pageSize : limit;
}

/** The envelope adds `cursor`, `total` and `version: 0` to the answer (a `GroupPage`). */
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
