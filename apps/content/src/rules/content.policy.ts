import type { ErrorPayload, FileView } from '@cohort/contracts';
import { DomainError } from '@cohort/errors';
import { assertMember, type GroupAccess, isAdminRole } from '@cohort/group-access';

export function assertCanEditAnnouncements(access: GroupAccess): void {
  assertMember(access);
  if (isAdminRole(access.role) || access.group.settings.memberModify) return;
  throw new DomainError(
    'forbidden',
    'only the owner and admins may publish or delete announcements (members may not modify this group)',
  );
}

/** An app admin acting as no user has the owner's role. */
export function fileChangeRefusal(access: GroupAccess, callerId: string | null, file: FileView): ErrorPayload | null {
  if (isAdminRole(access.role)) return null;
  if (callerId !== null && file.uploaderId === callerId) return null;
  return { code: 'forbidden', message: `only the uploader or an admin may change file ${file.fileId}` };
}

export const announcementNotFound = (announcementId: string): DomainError =>
  new DomainError('not_found', `announcement ${announcementId} does not exist in this group`);

export const fileNotFound = (fileId: string): ErrorPayload => ({
  code: 'not_found',
  message: `file ${fileId} does not exist in this group`,
});
