import type { AnnouncementView, FileResult, FileView } from '@cohort/contracts';

import type { GroupAnnouncement, GroupFile, GroupFileResult } from './dto/content-answers';
import type { JsonId } from './dto/group-answers';
import { groupErrorMessage } from './group-errors';
import { jsonId } from './group-info.presenter';

/** An app admin acting as no user is 0: the field is an int64. */
const actorId = (userId: string | null): JsonId => (userId === null ? 0 : jsonId(userId));

export function toGroupAnnouncement(announcement: AnnouncementView): GroupAnnouncement {
  return {
    author: actorId(announcement.authorId),
    content: announcement.content,
    created_at: announcement.createdAt,
    group_id: jsonId(announcement.groupId),
    id: jsonId(announcement.announcementId),
    title: announcement.title,
  };
}

export function toGroupFile(file: FileView): GroupFile {
  return {
    created_at: file.createdAt,
    file_id: jsonId(file.fileId),
    group_id: jsonId(file.groupId),
    name: file.name,
    size: file.size,
    type: file.type,
    updated_at: file.updatedAt,
    uploader: actorId(file.uploaderId),
    url: file.url,
  };
}

/** Worded as the error envelope words errors. */
export function toFileResult(item: FileResult): GroupFileResult {
  return {
    file_id: jsonId(item.fileId),
    result: item.ok ? 'success' : 'fail',
    reason: item.ok ? '' : groupErrorMessage(item.error),
  };
}
