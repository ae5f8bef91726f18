import type { GroupView, MemberRole } from '@cohort/contracts';
import type { GroupAccess } from '@cohort/group-access';

import { refuseAll, targetRefusal } from './moderation.policy';

function context(role: MemberRole, roles: Record<string, MemberRole>): GroupAccess {
  return {
    key: { appId: 'a', groupId: '1' },
    group: { groupId: '1' } as GroupView,
    role,
    roles: new Map(Object.entries(roles)),
  };
}

describe('moderation policy', () => {
  const roles = { o: 'owner', a: 'admin', m: 'member' } as const;

  it('refuses non-members, the owner, and admins muting admins; lets the owner mute admins', () => {
    const byAdmin = context('admin', roles);
    expect(targetRefusal(byAdmin, 'x', 'mute')).toMatchObject({
      code: 'not_member',
      message: 'users [x] are not members of this group!',
    });
    expect(targetRefusal(byAdmin, 'o', 'mute')).toMatchObject({
      code: 'owner_protected',
      message: 'forbidden operation on group owner!',
    });
    expect(targetRefusal(byAdmin, 'a', 'block')).toMatchObject({
      code: 'forbidden',
      message: 'admins cannot block admins',
    });
    expect(targetRefusal(byAdmin, 'm', 'mute')).toBeNull();
    expect(targetRefusal(context('owner', roles), 'a', 'mute')).toBeNull();
  });

  it("lifts a mute only where it could impose one: no admin lifts an admin's mute, their own included", () => {
    const byAdmin = context('admin', roles);
    expect(targetRefusal(byAdmin, 'a', 'unmute')).toMatchObject({
      code: 'forbidden',
      message: 'admins cannot unmute admins',
    });
    expect(targetRefusal(byAdmin, 'o', 'unmute')).toMatchObject({ code: 'owner_protected' });
    expect(targetRefusal(byAdmin, 'm', 'unmute')).toBeNull();
    expect(targetRefusal(byAdmin, 'gone', 'unmute')).toBeNull();
    expect(targetRefusal(context('owner', roles), 'a', 'unmute')).toBeNull();
  });

  it('blocks any user id, member or not (someone who just left stays out)', () => {
    expect(targetRefusal(context('admin', roles), 'gone', 'block')).toBeNull();
    expect(targetRefusal(context('admin', roles), 'o', 'block')).toMatchObject({ code: 'owner_protected' });
  });

  it('refuses a whole request naming every non-member at once, then the owner', () => {
    const gc = context('owner', roles);
    const refusals = (ids: string[]) => new Map(ids.map((id) => [id, targetRefusal(gc, id, 'mute')] as const));
    expect(() => refuseAll(['m', 'x', 'y'], refusals(['m', 'x', 'y']))).toThrow(
      'users [x, y] are not members of this group!',
    );
    expect(() => refuseAll(['m', 'o'], refusals(['m', 'o']))).toThrow(
      expect.objectContaining({ code: 'owner_protected' }),
    );
    expect(() => refuseAll(['m', 'a'], refusals(['m', 'a']))).not.toThrow();
  });
});
