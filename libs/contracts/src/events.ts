import type { AnnouncementView, FileView } from './content/content.types';
import type { GroupSettings, GroupType, GroupView } from './groups/group.types';
import type { MemberRole, MemberSettings } from './membership/member.types';

/** The JetStream stream that captures every domain event. No command subject starts with `evt.`. */
export const EVENTS_STREAM = 'COHORT_EVENTS';
export const EVENT_SUBJECT_PREFIX = 'evt.';
/** Where a consumer parks an event it cannot handle for good (`dlq.<service>.<durable>`), until replayed. */
export const DEAD_LETTER_STREAM = 'COHORT_DEAD_LETTERS';
export const EVENTS_WILDCARD = 'evt.>';

export type JoinHow = 'created' | 'added' | 'applied' | 'invited' | 'qr' | 'code';
export type LeaveHow = 'left' | 'kicked' | 'blocked' | 'destroyed';
/** Why a chatroom's attributes changed: a call set them, a call removed them, or their owner left. */
export type RoomAttributesHow = 'set' | 'removed' | 'owner_left';

/** Event type → data. Public surface: documented in docs/events.md. */
export interface EventMap {
  /** The group as every dialect reads it (the dialect-neutral record), with its first member count. */
  'group.created': GroupView & { memberCount: number };
  'group.updated': {
    changed: Partial<Record<'name' | 'description' | 'avatar' | 'ext', string> & { capacity: number }>;
  };
  'group.settings_changed': { changed: Partial<GroupSettings> };
  'group.mute_all_changed': { until: number | null };
  'group.destroyed': { type: GroupType; ownerId: string };
  'group.owner_transferred': { previousOwnerId: string; newOwnerId: string };
  'member.joined': { userId: string; role: MemberRole; how: JoinHow };
  'member.left': { userId: string; role: MemberRole; how: LeaveHow };
  'member.role_changed': { userId: string; role: MemberRole; previousRole: MemberRole };
  /** A member changed their own settings in the group: the new values of those that changed. */
  'member.settings_changed': { userId: string; changed: Partial<MemberSettings> };
  /** `until`: ms since epoch, or PERMANENT (-1). */
  'member.muted': { userId: string; until: number };
  'member.unmuted': { userId: string };
  'member.blocked': { userId: string };
  'member.unblocked': { userId: string };
  'member.allowlisted': { userId: string };
  'member.unallowlisted': { userId: string };
  'join_request.created': { applicantId: string; reason: string; expiresAt: number };
  'join_request.handled': { applicantId: string; approved: boolean };
  'invitation.created': { inviteeId: string; inviterId: string; reason: string; expiresAt: number };
  'invitation.handled': { inviteeId: string; inviterId: string; accepted: boolean };
  /**
   * Keys set (with their new values) or removed, by `userId`: the member who set or removed them
   * (who owns the keys set; the leaver for owner_left), null for the app admin itself. `forced`:
   * keys of other members could be overwritten or removed. `removeOnLeave`: of the keys set.
   */
  'room_attributes.changed': {
    userId: string | null;
    how: RoomAttributesHow;
    forced: boolean;
    set: Record<string, string>;
    removed: string[];
    removeOnLeave?: boolean;
  };
  'announcement.published': Omit<AnnouncementView, 'groupId'>;
  'announcement.deleted': { announcementId: string };
  /** The file's metadata, whole (its bytes are at `url`). */
  'file.added': Omit<FileView, 'groupId'>;
  'file.renamed': { fileId: string; name: string; previousName: string };
  /** `url`: where the bytes were, for consumers that remove them. */
  'file.deleted': { fileId: string; name: string; url: string };
}

export type EventType = keyof EventMap;

export interface EventActor {
  userId: string | null;
  isAppAdmin: boolean;
}

/** The envelope every event carries (house style). */
export interface DomainEvent<K extends EventType = EventType> {
  eventId: string;
  type: K;
  occurredAt: string;
  appId: string;
  groupId: string;
  actor: EventActor;
  correlationId: string;
  data: EventMap[K];
}

export function eventSubject(type: EventType): string {
  return `${EVENT_SUBJECT_PREFIX}${type}`;
}
