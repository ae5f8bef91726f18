import type { GroupInfoView, MemberProfile } from '@cohort/contracts';

import { chatroomDetails, chatroomSummary } from './easemob-chatrooms.presenter';

const view = {
  groupId: '1234567890',
  type: 'chatroom',
  name: 'room',
  description: 'about',
  avatar: '',
  ext: '{"k":1}',
  ownerId: 'alice',
  creatorId: 'alice',
  capacity: 300,
  public: true,
  status: 'active',
  settings: {
    applyApproval: 1,
    memberInvite: true,
    memberModify: false,
    readAck: false,
    historyVisible: true,
    disappearSeconds: 0,
  },
  muteAllUntil: null,
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_500,
  memberCount: 2,
  callerMember: null,
} satisfies GroupInfoView;
const member = (userId: string, role: MemberProfile['role']) => ({ userId, role }) as MemberProfile;

describe('Easemob chatroom presenters', () => {
  it('summarizes a chatroom of the list', () => {
    expect(chatroomSummary(view)).toEqual({ id: '1234567890', name: 'room', owner: 'alice', affiliations_count: 2 });
  });

  it('details a chatroom: approval as membersonly, member invitations as allowinvites, custom, members', () => {
    expect(chatroomDetails(view, [member('alice', 'owner'), member('bob', 'admin')])).toEqual({
      id: '1234567890',
      name: 'room',
      description: 'about',
      membersonly: true,
      allowinvites: true,
      maxusers: 300,
      owner: 'alice',
      created: 1_700_000_000_000,
      custom: '{"k":1}',
      affiliations_count: 2,
      affiliations: [{ owner: 'alice' }, { member: 'bob' }],
      public: true,
    });
    const open = { ...view, settings: { ...view.settings, applyApproval: 0 as const, memberInvite: false } };
    expect(chatroomDetails(open, [])).toMatchObject({ membersonly: false, allowinvites: false, affiliations: [] });
  });
});
