import type { CursorPage } from '../common/paging';
import type { EventType } from '../events';

/** Who made a change: a user, the app's admin (acting as a user or as no one), or a background pass of Cohort itself. */
export const AUDIT_ACTOR_KINDS = ['user', 'app_admin', 'system'] as const;
export type AuditActorKind = (typeof AUDIT_ACTOR_KINDS)[number];

export interface AuditActor {
  kind: AuditActorKind;
  /** The acting user (an app admin acting as a user names that user); null for the app admin itself and the system. */
  userId: string | null;
}

/** One line of an app's audit log: one domain event, as it happened. Times are ms since epoch. */
export interface AuditEntryView {
  entryId: string;
  at: number;
  action: EventType;
  groupId: string;
  actor: AuditActor;
  /** The users the change was about (the muted member, both sides of a transfer …); empty for group-wide changes. */
  targets: string[];
  /** The values before the change, where the event carries them (a previous role, a previous owner …). */
  before: Record<string, unknown> | null;
  /** The values after the change (the new settings, a mute's end …). */
  after: Record<string, unknown> | null;
  /** The request id of the call that caused it (the event's correlation id). */
  requestId: string;
}

/** A page of the audit log. No total: counting a large log would cost a scan per page. */
export type AuditPage = CursorPage<AuditEntryView>;

/** How busy an app is, from its audit log. */
export interface AuditStatsView {
  eventsLastMinute: number;
  eventsLastHour: number;
}

/** Every event type, each a line of the audit log (a new event type must be added here: the record is exhaustive). */
export const AUDITED_ACTIONS: Record<EventType, string> = {
  'group.created': 'created the group',
  'group.updated': 'changed the profile',
  'group.settings_changed': 'changed the settings',
  'group.mute_all_changed': 'changed mute-all',
  'group.destroyed': 'destroyed the group',
  'group.owner_transferred': 'transferred ownership',
  'member.joined': 'joined',
  'member.left': 'left',
  'member.role_changed': 'changed a role',
  'member.settings_changed': 'changed their settings in the group',
  'member.muted': 'muted',
  'member.unmuted': 'unmuted',
  'member.blocked': 'blocked',
  'member.unblocked': 'unblocked',
  'member.allowlisted': 'allowlisted',
  'member.unallowlisted': 'removed from the allowlist',
  'join_request.created': 'applied to join',
  'join_request.handled': 'handled an application',
  'invitation.created': 'invited',
  'invitation.handled': 'answered an invitation',
  'room_attributes.changed': 'changed chatroom attributes',
  'announcement.published': 'published an announcement',
  'announcement.deleted': 'deleted an announcement',
  'file.added': 'added a file',
  'file.renamed': 'renamed a file',
  'file.deleted': 'deleted a file',
};

export const AUDIT_ACTION_TYPES = Object.keys(AUDITED_ACTIONS) as EventType[];
