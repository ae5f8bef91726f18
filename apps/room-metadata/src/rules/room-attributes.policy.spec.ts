import type { GroupView, MemberRole } from '@cohort/contracts';
import type { GroupAccess } from '@cohort/group-access';

import { assertMayActAs, assertMayChange } from './room-attributes.policy';

const access = (roles: Record<string, MemberRole>): GroupAccess => ({
  key: { appId: 'app', groupId: '1' },
  group: { groupId: '1', type: 'chatroom' } as GroupView,
  role: 'owner',
  roles: new Map(Object.entries(roles)),
});

describe('assertMayActAs', () => {
  it('lets an app admin name anyone and a user only themself', () => {
    expect(() => assertMayActAs({ appId: 'app', userId: null, isAppAdmin: true }, 'ann')).not.toThrow();
    expect(() => assertMayActAs({ appId: 'app', userId: 'ann', isAppAdmin: false }, 'ann')).not.toThrow();
    expect(() => assertMayActAs({ appId: 'app', userId: 'bob', isAppAdmin: false }, 'ann')).toThrow(
      expect.objectContaining({ code: 'forbidden' }),
    );
  });
});

describe('assertMayChange', () => {
  const room = access({ own: 'owner', adm: 'admin', mem: 'member' });

  it('any member, forced or not (the plan decides which keys); outsiders are not members; the app admin itself always', () => {
    for (const userId of ['own', 'adm', 'mem']) expect(() => assertMayChange(room, userId)).not.toThrow();
    expect(() => assertMayChange(room, null)).not.toThrow();
    expect(() => assertMayChange(room, 'out')).toThrow(
      expect.objectContaining({ code: 'not_member', message: 'user out is not a member of chatroom 1' }),
    );
  });
});
