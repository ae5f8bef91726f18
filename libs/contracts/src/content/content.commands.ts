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
  publishAnnouncement: declareCommand(
    'content.announcement.publish',
    PublishAnnouncementCommand,
    replyType<AnnouncementView>(),
  ),
  getAnnouncement: declareCommand('content.announcement.get', AnnouncementIdCommand, replyType<AnnouncementView>()),
  /** The latest announcement not deleted, or null: what every dialect shows as "the announcement". */
  currentAnnouncement: declareCommand(
    'content.announcement.current',
    GroupIdCommand,
    replyType<AnnouncementView | null>(),
  ),
  listAnnouncements: declareCommand(
    'content.announcement.list',
    ContentPageCommand,
    replyType<Page<AnnouncementView>>(),
  ),
  deleteAnnouncement: declareCommand(
    'content.announcement.delete',
    AnnouncementIdCommand,
    replyType<{ deleted: true }>(),
  ),
  /** Records a file members share (its bytes stay at its url): members. */
  uploadFile: declareCommand('content.file.upload', UploadFileCommand, replyType<FileView>()),
  getFile: declareCommand('content.file.get', FileIdCommand, replyType<FileView>()),
  listFiles: declareCommand('content.file.list', ContentPageCommand, replyType<Page<FileView>>()),
  renameFile: declareCommand('content.file.rename', RenameFileCommand, replyType<FileView>()),
  deleteFiles: declareCommand('content.file.delete', DeleteFilesCommand, replyType<FileResult[]>()),
};
