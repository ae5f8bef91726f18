import type { ItemResult, MemberProfile } from '@cohort/contracts';

import { addedMembers, adminNames, memberEntry, onlyItem, removedMember } from './easemob-members.presenter';

const profile = (userId: string, role: MemberProfile['role']) => ({ userId, role }) as MemberProfile;
const failed = (
  userId: string,
  code: 'not_member' | 'owner_protected' | 'already_member',
  message: string,
): ItemResult => ({ userId, ok: false, error: { code, message } });

describe('the Easemob member presenters', () => {
  it('lists the owner as owner and everyone else as member; admins without the owner', () => {
    const members = [profile('o', 'owner'), profile('a', 'admin'), profile('m', 'member')];
    expect(members.map(memberEntry)).toEqual([{ owner: 'o' }, { member: 'a' }, { member: 'm' }]);
    expect(adminNames(members)).toEqual(['a']);
  });

  it("throws a single user's failure as the call's error", () => {
    expect(() => onlyItem([{ userId: 'a', ok: true }])).not.toThrow();
    expect(() => onlyItem([failed('a', 'already_member', 'a is already a member')])).toThrow(
      expect.objectContaining({ code: 'already_member', message: 'a is already a member' }),
    );
  });

  it('answers the users a batch added', () => {
    expect(
      addedMembers('12', [{ userId: 'a', ok: true }, failed('b', 'already_member', 'x'), { userId: 'c', ok: true }]),
    ).toEqual({
      newmembers: ['a', 'c'],
      action: 'add_member',
      id: '12',
    });
  });

  it("gives a removal's failure Easemob's reason for a non-member, else the error's message", () => {
    expect(removedMember('12', { userId: 'a', ok: true })).toEqual({
      result: true,
      action: 'remove_member',
      user: 'a',
      id: '12',
    });
    expect(removedMember('12', failed('b', 'not_member', 'b is not a member'))).toEqual({
      result: false,
      action: 'remove_member',
      reason: "user: b doesn't exist in group: 12",
      user: 'b',
      id: '12',
    });
    expect(removedMember('12', failed('o', 'owner_protected', 'the owner cannot be removed')).reason).toBe(
      'the owner cannot be removed',
    );
  });
});
