import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { FILE_URL_PATTERN, FILE_URL_RULE, Limits } from '@cohort/contracts';
import { ContentIdField, FileIdListField, GroupIdField } from './id-fields';
import { GroupPagingQuery } from './paging.dto';

// Announcements (4.4–4.8) and shared files (4.19–4.23).

/** 4.4 / 4.5: one announcement of a group, in the query. */
export class AnnouncementQuery {
  @GroupIdField() group_id!: string;
  @ContentIdField('announcement') announcement_id!: string;
}

/** 4.6: a new announcement, which becomes the group's current one. */
export class AnnouncementBody {
  @GroupIdField() group_id!: string;
  @ApiPropertyOptional({ default: '', description: `At most ${Limits.announcementTitle} characters; absent: ""` }) @IsString() @MaxLength(Limits.announcementTitle) title: string = '';
  @ApiProperty({ description: `At most ${Limits.announcementContent} characters` }) @IsString() @MaxLength(Limits.announcementContent) content!: string;
}

/** 4.8 and 4.21: the vendor's lists have no paging; without `limit`, a page holds up to the maximum. */
export class ContentListQuery extends GroupPagingQuery(Limits.contentPageMax) {
  @GroupIdField() group_id!: string;
}

/** 4.19: one file of a group, in the query. */
export class FileQuery {
  @GroupIdField() group_id!: string;
  @ContentIdField('file') file_id!: string;
}

const FILE_NAME = `1 to ${Limits.fileName} characters`;

/** 4.22 */
export class RenameFileBody {
  @GroupIdField() group_id!: string;
  @ContentIdField('file') file_id!: string;
  @ApiProperty({ description: `The new name: ${FILE_NAME}` }) @IsString() @MinLength(1, { message: 'must not be empty' }) @MaxLength(Limits.fileName) name!: string;
}

/** 4.23: a file's metadata; its bytes are at `url`, wherever the client stored them. */
export class UploadFileBody {
  @GroupIdField() group_id!: string;
  @ApiProperty({ description: FILE_NAME }) @IsString() @MinLength(1, { message: 'must not be empty' }) @MaxLength(Limits.fileName) name!: string;
  @ApiProperty({ type: 'integer', format: 'int64', minimum: 0, description: 'Bytes' }) @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) size!: number;
  @ApiPropertyOptional({ description: `MIME-ish type, at most ${Limits.fileType} characters (default empty)` }) @IsOptional() @IsString() @MaxLength(Limits.fileType) type?: string;
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
