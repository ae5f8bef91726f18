import type { ErrorPayload } from '../errors';

/** The latest one not deleted is the group's current announcement, whichever dialect reads it. */
export interface AnnouncementView {
  announcementId: string;
  groupId: string;
  title: string;
  content: string;
  /** null: published by an app admin acting as no user. */
  authorId: string | null;
  createdAt: number;
}

/** The bytes live at `url`, never in Cohort. */
export interface FileView {
  fileId: string;
  groupId: string;
  name: string;
  size: number;
  type: string;
  url: string;
  /** null: uploaded by an app admin acting as no user. */
  uploaderId: string | null;
  createdAt: number;
  updatedAt: number;
}

export type FileResult = { fileId: string; ok: true } | { fileId: string; ok: false; error: ErrorPayload };
