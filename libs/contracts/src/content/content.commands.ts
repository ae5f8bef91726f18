import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

import { GroupIdCommand } from '../common/group-id.command';
import { type Page, Paged } from '../common/paging';
import { declareCommand, replyType } from '../declare';
import { Limits, NUMERIC_ID_PATTERN } from '../limits';
import type { AnnouncementView, FileResult, FileView } from './content.types';

const CONTENT_ID_RULE = { message: '$property must be an id (decimal digits)' };

/** Shared with the dialects, which check the same rule before sending. */
export const FILE_URL_PATTERN = /^https?:\/\/[^\s/?#]+[^\s]*$/;
export const FILE_URL_RULE = 'must be an http or https URL';

export class PublishAnnouncementCommand extends GroupIdCommand {
  @IsString()
  @MaxLength(Limits.announcementTitle)
  title!: string;

  @IsString()
  @MaxLength(Limits.announcementContent)
  content!: string;
}

export class AnnouncementIdCommand extends GroupIdCommand {
  @Matches(NUMERIC_ID_PATTERN, CONTENT_ID_RULE)
  announcementId!: string;
}

/** One page of a group's announcements (newest first) or files (oldest first). */
export class ContentPageCommand extends Paged(Limits.contentPageMax, GroupIdCommand) {}

/** A file's name, as uploaded or renamed: 1..256 characters. */
class FileNameCommand extends GroupIdCommand {
  @IsString()
  @MinLength(1, { message: '$property must not be empty' })
  @MaxLength(Limits.fileName)
  name!: string;
}

export class UploadFileCommand extends FileNameCommand {
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  size!: number;

  /** MIME-ish; may be empty. */
  @IsString()
  @MaxLength(Limits.fileType)
  type!: string;

  @IsString()
  @MaxLength(Limits.fileUrl)
  @Matches(FILE_URL_PATTERN, { message: `$property ${FILE_URL_RULE}` })
  url!: string;
}

export class FileIdCommand extends GroupIdCommand {
  @Matches(NUMERIC_ID_PATTERN, CONTENT_ID_RULE)
  fileId!: string;
}

export class RenameFileCommand extends FileNameCommand {
  @Matches(NUMERIC_ID_PATTERN, CONTENT_ID_RULE)
  fileId!: string;
}

/** 1..100 files of one group (more is refused whole, naming the limit). */
export class DeleteFilesCommand extends GroupIdCommand {
  @IsArray()
  @ArrayMinSize(1, { message: '$property must name at least one file' })
  @ArrayMaxSize(Limits.idsPerCall, { message: `$property may name at most ${Limits.idsPerCall} files per call` })
  @Matches(NUMERIC_ID_PATTERN, { ...CONTENT_ID_RULE, each: true })
  fileIds!: string[];
}

export const ContentCommands = {
  /** Publishes a new current announcement: admins; members too when `memberModify`. */
  publishAnnouncement: declareCommand({
    subject: 'content.announcement.publish',
    request: PublishAnnouncementCommand,
    reply: replyType<AnnouncementView>(),
  }),
  getAnnouncement: declareCommand({
    subject: 'content.announcement.get',
    request: AnnouncementIdCommand,
    reply: replyType<AnnouncementView>(),
  }),
  /** The latest announcement not deleted, or null: what every dialect shows as "the announcement". */
  currentAnnouncement: declareCommand({
    subject: 'content.announcement.current',
    request: GroupIdCommand,
    reply: replyType<AnnouncementView | null>(),
  }),
  listAnnouncements: declareCommand({
    subject: 'content.announcement.list',
    request: ContentPageCommand,
    reply: replyType<Page<AnnouncementView>>(),
  }),
  deleteAnnouncement: declareCommand({
    subject: 'content.announcement.delete',
    request: AnnouncementIdCommand,
    reply: replyType<{ deleted: true }>(),
  }),
  /** Records a file members share (its bytes stay at its url): members. */
  uploadFile: declareCommand({
    subject: 'content.file.upload',
    request: UploadFileCommand,
    reply: replyType<FileView>(),
  }),
  getFile: declareCommand({ subject: 'content.file.get', request: FileIdCommand, reply: replyType<FileView>() }),
  listFiles: declareCommand({
    subject: 'content.file.list',
    request: ContentPageCommand,
    reply: replyType<Page<FileView>>(),
  }),
  renameFile: declareCommand({
    subject: 'content.file.rename',
    request: RenameFileCommand,
    reply: replyType<FileView>(),
  }),
  deleteFiles: declareCommand({
    subject: 'content.file.delete',
    request: DeleteFilesCommand,
    reply: replyType<FileResult[]>(),
  }),
};
