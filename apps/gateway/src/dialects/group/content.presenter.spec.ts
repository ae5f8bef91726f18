import type { AnnouncementView, FileView } from '@cohort/contracts';

import { toFileResult, toGroupAnnouncement, toGroupFile } from './content.presenter';

const announcement: AnnouncementView = {
  announcementId: '3000000001',
  groupId: '1000000001',
  title: 'Hello',
  content: 'Welcome',
  authorId: '42',
  createdAt: 1_700_000_000_000,
};

const file: FileView = {
  fileId: '2000000001',
  groupId: '1000000001',
  name: 'notes.pdf',
  size: 1234,
  type: 'application/pdf',
  url: 'https://files.example.com/notes.pdf',
  uploaderId: '42',
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_500,
};

describe('/group content presenters', () => {
  it('shows an announcement with the vendor’s fields, ids as numbers', () => {
    expect(toGroupAnnouncement(announcement)).toEqual({
      author: 42,
      content: 'Welcome',
      created_at: 1_700_000_000_000,
      group_id: 1_000_000_001,
      id: 3_000_000_001,
      title: 'Hello',
    });
  });

  it('shows a file with the vendor’s fields, ids as numbers', () => {
    expect(toGroupFile(file)).toEqual({
      created_at: 1_700_000_000_000,
      file_id: 2_000_000_001,
      group_id: 1_000_000_001,
      name: 'notes.pdf',
      size: 1234,
      type: 'application/pdf',
      updated_at: 1_700_000_000_500,
      uploader: 42,
      url: 'https://files.example.com/notes.pdf',
    });
  });

  it('shows 0 for an app admin who acted as no user, and a non-numeric user id as a string', () => {
    expect(toGroupAnnouncement({ ...announcement, authorId: null }).author).toBe(0);
    expect(toGroupFile({ ...file, uploaderId: 'alice' }).uploader).toBe('alice');
  });

  it('words a batch item as the envelope words errors', () => {
    expect(toFileResult({ fileId: '7', ok: true })).toEqual({ file_id: 7, result: 'success', reason: '' });
    expect(
      toFileResult({
        fileId: '7',
        ok: false,
        error: { code: 'not_found', message: 'file 7 does not exist in this group' },
      }),
    ).toEqual({
      file_id: 7,
      result: 'fail',
      reason: 'not_found: file 7 does not exist in this group',
    });
  });
});
