import type { ErrorPayload } from '../errors';

/**
 * One announcement of a group's history. The latest one not deleted is the group's current
 * announcement, whichever dialect reads it. Times are ms since epoch.
 */
export interface AnnouncementView {
  announcementId: string;
  groupId: string;
  title: string;
  content: string;
  /** null: published by an app admin acting as no user. */
  authorId: string | null;
  createdAt: number;
}

/** A shared file's metadata: the bytes live at `url`, never in Cohort. Times are ms since epoch. */
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

/** One file of a batch, in request order: done, or why not (a canonical error as data). */
export type FileResult = { fileId: string; ok: true } | { fileId: string; ok: false; error: ErrorPayload };
