import { ApprovalPolicy, type GroupInfoView, type MemberProfile } from '@cohort/contracts';

import type { ChatroomDetails, ChatroomSummary } from './dto/easemob-answers';
import { memberEntry } from './easemob-members.presenter';

export const chatroomSummary = (view: GroupInfoView): ChatroomSummary => ({
  id: view.groupId,
  name: view.name,
  owner: view.ownerId,
  affiliations_count: view.memberCount,
});

export const chatroomDetails = (view: GroupInfoView, members: MemberProfile[]): ChatroomDetails => ({
  id: view.groupId,
  name: view.name,
  description: view.description,
  membersonly: view.settings.applyApproval === ApprovalPolicy.ApprovalRequired,
  allowinvites: view.settings.memberInvite,
  maxusers: view.capacity,
  owner: view.ownerId,
  created: view.createdAt,
  custom: view.ext,
  affiliations_count: view.memberCount,
  affiliations: members.map(memberEntry),
  public: true,
});
