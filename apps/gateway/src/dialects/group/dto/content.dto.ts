import type { Page } from '@cohort/contracts';
import { FILE_URL_PATTERN, FILE_URL_RULE, Limits } from '@cohort/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMinSize, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

import { everyPage } from '../../every-page';
import { GroupPage } from '../group-envelope.interceptor';
import { ContentIdField, FileIdListField, GroupIdField } from './id-fields';
import { optionalPageLimit } from './paging.dto';

/** 4.4 / 4.5 */
export class AnnouncementQuery {
  @GroupIdField() group_id!: string;
  @ContentIdField('announcement') announcement_id!: string;
}

/** 4.6 */
export class AnnouncementBody {
  @GroupIdField() group_id!: string;
  @ApiPropertyOptional({ default: '', description: `At most ${Limits.announcementTitle} characters; absent: ""` })
  @IsString()
  @MaxLength(Limits.announcementTitle)
  title: string = '';
  @ApiProperty({ description: `At most ${Limits.announcementContent} characters` })
  @IsString()
  @MaxLength(Limits.announcementContent)
  content!: string;
}

/** 4.8 and 4.21: the vendor's lists have no paging, so without `limit` or `cursor`, the whole list. */
export class ContentListQuery {
  @GroupIdField() group_id!: string;

  @ApiPropertyOptional({
    description: 'Opaque position from the previous page (ours: the vendor answers the whole list)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  cursor?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    description: `Page size, at most ${Limits.contentPageMax} (ours); absent with no cursor: the whole list`,
  })
  @Transform(({ value }) => optionalPageLimit(value, Limits.contentPageMax))
  @IsOptional()
  @Min(1, { message: 'must be a positive integer' })
  @IsInt({ message: 'must be a positive integer' })
  limit?: number;

  @ApiPropertyOptional({
    type: 'integer',
    default: 0,
    description: 'Reserved by the vendor: accepted, ignored, answered as 0',
  })
  @IsOptional()
  version?: unknown;

  static async answer<V, T>(
    query: ContentListQuery,
    fetchPage: (cursor: string | undefined, limit: number) => Promise<Page<V>>,
    present: (item: V) => T,
  ): Promise<GroupPage<T>> {
    if (query.cursor || query.limit !== undefined)
      return GroupPage.of(await fetchPage(query.cursor, query.limit ?? Limits.contentPageMax), present);
    let total = 0;
    const items = await everyPage(async (cursor) => {
      const page = await fetchPage(cursor, Limits.contentPageMax);
      total = page.total;
      return page;
    });
    return new GroupPage(items.map(present), '', Math.max(total, items.length));
  }
}

/** 4.19 */
export class FileQuery {
  @GroupIdField() group_id!: string;
  @ContentIdField('file') file_id!: string;
}

const FILE_NAME = `1 to ${Limits.fileName} characters`;

/** 4.22 */
export class RenameFileBody {
  @GroupIdField() group_id!: string;
  @ContentIdField('file') file_id!: string;
  @ApiProperty({ description: `The new name: ${FILE_NAME}` })
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(Limits.fileName)
  name!: string;
}

/** 4.23: the bytes stay at `url`, wherever the client stored them. */
export class UploadFileBody {
  @GroupIdField() group_id!: string;
  @ApiProperty({ description: FILE_NAME })
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(Limits.fileName)
  name!: string;
  @ApiProperty({ type: 'integer', format: 'int64', minimum: 0, description: 'Bytes' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  size!: number;
  @ApiPropertyOptional({ description: `MIME-ish type, at most ${Limits.fileType} characters (default empty)` })
  @IsOptional()
  @IsString()
  @MaxLength(Limits.fileType)
  type?: string;
  @ApiProperty({ description: `Where the bytes are: an http or https URL, at most ${Limits.fileUrl} characters` })
  @IsString()
  @MaxLength(Limits.fileUrl)
  @Matches(FILE_URL_PATTERN, { message: FILE_URL_RULE })
  url!: string;
}

/** 4.20 */
export class DeleteFilesBody {
  @GroupIdField() group_id!: string;
  @FileIdListField(Limits.idsPerCall, `1 to ${Limits.idsPerCall} file ids; each has its own result`)
  @ArrayMinSize(1, { message: 'must name at least one file' })
  file_list!: string[];
}
