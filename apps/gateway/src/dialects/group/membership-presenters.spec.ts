import { toApplication } from './application.presenter';
import { succeeded, toUserResult } from './batch-result.presenter';
import { toInvitation } from './invitation.presenter';
import { toMemberProfile } from './member-profile.presenter';

describe('membership presenters of the /group dialect', () => {
  it('shows a member with its mute end as expired_time and numeric ids as numbers', () => {
    const member = {
      userId: '1001',
      role: 'admin',
      displayName: 'Ann',
      joinedAt: 1_700_000_000_000,
      msgMuteMode: 1,
      msgPushMode: 2,
      notificationsMutedUntil: 0,
    } as const;
    expect(toMemberProfile({ ...member, mutedUntil: -1 })).toEqual({
      display_name: 'Ann',
      expired_time: -1,
      join_time: 1_700_000_000_000,
      user_id: 1001,
    });
    expect(toMemberProfile({ ...member, mutedUntil: 0 }).expired_time).toBe(0);
  });

  it('words a failed batch item as the error envelope does, a done one with an empty reason', () => {
    expect(toUserResult({ userId: '7', ok: true })).toEqual({ user_id: 7, result: 'success', reason: '' });
    expect(
      toUserResult({
        userId: '8',
        ok: false,
        error: { code: 'owner_protected', message: 'the owner cannot be removed' },
      }),
    ).toEqual({
      user_id: 8,
      result: 'fail',
      reason: 'owner_protected: the owner cannot be removed',
    });
    expect(succeeded('9', 'pending')).toEqual({ user_id: 9, result: 'success', reason: 'pending' });
  });

  it('shows an application with its expiry in ms', () => {
    expect(
      toApplication({ groupId: '5', applicantId: '6', reason: 'hi', status: 0, createdAt: 1, expiresAt: 2 }),
    ).toEqual({
      applicant_id: 6,
      expired_time: 2,
      group_id: 5,
      reason: 'hi',
      status: 0,
    });
  });

  it('shows an invitation with updated_at as an ISO-8601 string and expired_time in ms', () => {
    const invitation = {
      groupId: '5',
      inviteeId: '6',
      inviterId: '7',
      reason: '',
      status: 1,
      createdAt: 1,
      updatedAt: Date.UTC(2024, 0, 2, 3, 4, 5, 6),
      expiresAt: 9,
    } as const;
    expect(toInvitation(invitation)).toEqual({
      expired_time: 9,
      group_id: 5,
      invitee_id: 6,
      inviter_id: 7,
      reason: '',
      status: 1,
      updated_at: '2024-01-02T03:04:05.006Z',
    });
  });
});
