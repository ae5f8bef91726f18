import type { AccessView, Caller, GroupView } from '@cohort/contracts';

import { defaultSettings } from '../groups/group-defaults';
import { assertCanCreate, effectiveRole } from './group.policy';

const group = (overrides: Partial<GroupView> = {}): GroupView => ({
  groupId: '123',
  type: 'group',
  name: 'g',
  description: '',
  avatar: '',
  ext: '',
  ownerId: 'owner',
  creatorId: 'owner',
  capacity: 1000,
  public: false,
  status: 'active',
  settings: defaultSettings('group'),
  muteAllUntil: null,
  createdAt: 0,
  updatedAt: 0,
  ...overrides,
});
const user = (userId: string): Caller => ({ appId: 'a', userId, isAppAdmin: false });
const access = (role: 'owner' | 'admin' | 'member' | null): AccessView => ({
  groupId: '123',
  memberCount: 3,
  ownerId: 'owner',
  capacity: 1000,
  member: role
    ? { userId: 'u', role, displayName: '', joinedAt: 0, msgMuteMode: 0, msgPushMode: 0, notificationsMutedUntil: 0 }
    : null,
});

describe('effectiveRole', () => {
  it('gives an app admin without a user the owner role', () => {
    expect(effectiveRole({ appId: 'a', userId: null, isAppAdmin: true }, group(), undefined)).toBe('owner');
  });
  it('gives an app admin acting as a user that user role only', () => {
    expect(effectiveRole({ appId: 'a', userId: 'u', isAppAdmin: true }, group(), access(null))).toBeNull();
    expect(effectiveRole({ appId: 'a', userId: 'u', isAppAdmin: true }, group(), access('member'))).toBe('member');
  });
  it("takes membership's role over the group record (a transfer lands in membership first)", () => {
    expect(effectiveRole(user('owner'), group(), access('member'))).toBe('member');
    expect(effectiveRole(user('heir'), group(), access('owner'))).toBe('owner');
  });
  it('falls back to the group record when membership said nothing', () => {
    expect(effectiveRole(user('owner'), group(), undefined)).toBe('owner');
    expect(effectiveRole(user('other'), group(), undefined)).toBeNull();
  });
});

describe('group creation', () => {
  it('lets only super admins and the app admin create chatrooms', () => {
    expect(() => assertCanCreate('chatroom', user('u'), false)).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(() => assertCanCreate('chatroom', user('u'), true)).not.toThrow();
    expect(() => assertCanCreate('chatroom', { appId: 'a', userId: 'u', isAppAdmin: true }, false)).not.toThrow();
    expect(() => assertCanCreate('group', user('u'), false)).not.toThrow();
  });
});
