import type { GroupInfoView, MemberRole, MembersWithSessionsView } from '@cohort/contracts';

import type { MixinConversation, MixinParticipant, MixinParticipantSession } from './dto/mixin-answers';

/** A time as Mixin writes it: RFC 3339, UTC, nine fraction digits (`2018-05-16T12:34:44.134000000Z`). */
export const rfc3339Nano = (ms: number): string => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');

const ROLE_NAMES: Record<MemberRole, MixinParticipant['role']> = { owner: 'OWNER', admin: 'ADMIN', member: '' };

/** Each participant's registered sessions, by join time; a participant without any has none listed (never an invented id). */
function participantSessions(people: MembersWithSessionsView): MixinParticipantSession[] {
  const byUser = new Map<string, string[]>();
  for (const { userId, sessionId } of people.sessions) byUser.set(userId, [...(byUser.get(userId) ?? []), sessionId]);
  return people.members.flatMap((member) =>
    (byUser.get(member.userId) ?? []).map((sessionId) => ({ user_id: member.userId, session_id: sessionId })),
  );
}

/** The whole conversation, as the caller sees it (their own notification mute). */
export function presentConversation(
  group: GroupInfoView,
  people: MembersWithSessionsView,
  announcement: string,
  publicBaseUrl: string,
): MixinConversation {
  return {
    type: 'conversation',
    conversation_id: group.groupId,
    creator_id: group.creatorId,
    category: 'GROUP',
    name: group.name,
    icon_url: group.avatar,
    announcement,
    created_at: rfc3339Nano(group.createdAt),
    code_id: people.inviteCode,
    code_url: `${publicBaseUrl.replace(/\/+$/, '')}/codes/${people.inviteCode}`,
    mute_until: rfc3339Nano(group.callerMember?.notificationsMutedUntil ?? 0),
    expire_in: group.settings.disappearSeconds,
    participants: people.members.map((member) => ({
      type: 'participant',
      user_id: member.userId,
      role: ROLE_NAMES[member.role],
      created_at: rfc3339Nano(member.joinedAt),
    })),
    participant_sessions: participantSessions(people),
    circles: [],
  };
}
