import type { FileView, GroupView, MemberRole } from '@cohort/contracts';
import type { GroupAccess } from '@cohort/group-access';

import { assertCanEditAnnouncements, fileChangeRefusal } from './content.policy';

const access = (role: MemberRole | null, memberModify = false): GroupAccess => ({
  key: { appId: 'app', groupId: '1000000001' },
  group: { groupId: '1000000001', type: 'group', settings: { memberModify } } as GroupView,
  role,
  roles: new Map(),
});

const file = (uploaderId: string | null): FileView => ({
  fileId: '2000000001',
  groupId: '1000000001',
  name: 'a.pdf',
  size: 1,
  type: 'application/pdf',
  url: 'https://files.example.com/a.pdf',
  uploaderId,
  createdAt: 1,
  updatedAt: 1,
});

describe('assertCanEditAnnouncements', () => {
  it.each<MemberRole>(['owner', 'admin'])('lets the %s publish whatever member_modify says', (role) => {
    expect(() => assertCanEditAnnouncements(access(role, false))).not.toThrow();
  });

  it('lets a member publish only when members may modify the group', () => {
    expect(() => assertCanEditAnnouncements(access('member', true))).not.toThrow();
    expect(() => assertCanEditAnnouncements(access('member', false))).toThrow(
      expect.objectContaining({ code: 'forbidden' }),
    );
  });

  it('refuses an outsider as not a member, even when members may modify', () => {
    expect(() => assertCanEditAnnouncements(access(null, true))).toThrow(
      expect.objectContaining({ code: 'not_member' }),
    );
  });
});

describe('fileChangeRefusal', () => {
  it('lets admins change anyone’s file, and the app admin’s own (no uploader)', () => {
    expect(fileChangeRefusal(access('owner'), 'u1', file('u2'))).toBeNull();
    expect(fileChangeRefusal(access('admin'), 'u1', file(null))).toBeNull();
  });

  it('lets a member change their own file only', () => {
    expect(fileChangeRefusal(access('member'), 'u1', file('u1'))).toBeNull();
    expect(fileChangeRefusal(access('member'), 'u1', file('u2'))).toMatchObject({ code: 'forbidden' });
    expect(fileChangeRefusal(access('member'), 'u1', file(null))).toMatchObject({ code: 'forbidden' });
  });
});
