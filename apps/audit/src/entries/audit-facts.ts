import type { AuditActor, AuditEntryView, DomainEvent, EventMap, EventType } from '@cohort/contracts';

type Facts = Pick<AuditEntryView, 'targets' | 'before' | 'after'>;

/** Request ids of Cohort's own sweeps: their changes are the system's. */
export const SYSTEM_REQUEST_PREFIX = 'sweep-';

const about = (
  userId: string,
  after: Record<string, unknown> | null = null,
  before: Record<string, unknown> | null = null,
): Facts => ({ targets: [userId], before, after });
const groupWide = (after: Record<string, unknown> | null, before: Record<string, unknown> | null = null): Facts => ({
  targets: [],
  before,
  after,
});

/** A record over every event type, so a new one cannot go unrecorded. */
const FACTS: { [K in EventType]: (data: EventMap[K]) => Facts } = {
  'group.created': (d) =>
    groupWide({
      type: d.type,
      name: d.name,
      ownerId: d.ownerId,
      capacity: d.capacity,
      public: d.public,
      memberCount: d.memberCount,
    }),
  'group.updated': (d) => groupWide(d.changed),
  'group.settings_changed': (d) => groupWide(d.changed),
  'group.mute_all_changed': (d) => groupWide({ muteAllUntil: d.until }),
  'group.destroyed': (d) => groupWide(null, { type: d.type, ownerId: d.ownerId }),
  'group.owner_transferred': (d) => ({
    targets: [d.previousOwnerId, d.newOwnerId],
    before: { ownerId: d.previousOwnerId },
    after: { ownerId: d.newOwnerId },
  }),
  'member.joined': (d) => about(d.userId, { role: d.role, how: d.how }),
  'member.left': (d) => about(d.userId, { how: d.how }, { role: d.role }),
  'member.role_changed': (d) => about(d.userId, { role: d.role }, { role: d.previousRole }),
  'member.settings_changed': (d) => about(d.userId, d.changed),
  'member.muted': (d) => about(d.userId, { mutedUntil: d.until }),
  'member.unmuted': (d) => about(d.userId),
  'member.blocked': (d) => about(d.userId),
  'member.unblocked': (d) => about(d.userId),
  'member.allowlisted': (d) => about(d.userId),
  'member.unallowlisted': (d) => about(d.userId),
  'join_request.created': (d) => about(d.applicantId, { reason: d.reason, expiresAt: d.expiresAt }),
  'join_request.handled': (d) => about(d.applicantId, { approved: d.approved }),
  'invitation.created': (d) => about(d.inviteeId, { inviterId: d.inviterId, reason: d.reason, expiresAt: d.expiresAt }),
  'invitation.handled': (d) => about(d.inviteeId, { inviterId: d.inviterId, accepted: d.accepted }),
  'room_attributes.changed': (d) => ({
    targets: d.userId ? [d.userId] : [],
    before: d.removed.length ? { removed: d.removed } : null,
    after: { how: d.how, forced: d.forced, set: d.set },
  }),
  'announcement.published': (d) => groupWide({ announcementId: d.announcementId, title: d.title, content: d.content }),
  'announcement.deleted': (d) => groupWide(null, { announcementId: d.announcementId }),
  'file.added': (d) => groupWide({ fileId: d.fileId, name: d.name, size: d.size, type: d.type, url: d.url }),
  'file.renamed': (d) => groupWide({ fileId: d.fileId, name: d.name }, { fileId: d.fileId, name: d.previousName }),
  'file.deleted': (d) => groupWide(null, { fileId: d.fileId, name: d.name, url: d.url }),
};

export function auditActorOf(event: DomainEvent): AuditActor {
  if (!event.actor.isAppAdmin) return { kind: 'user', userId: event.actor.userId };
  if (event.actor.userId === null && event.correlationId.startsWith(SYSTEM_REQUEST_PREFIX))
    return { kind: 'system', userId: null };
  return { kind: 'app_admin', userId: event.actor.userId };
}

export function auditEntryOf(event: DomainEvent): AuditEntryView {
  const facts = (FACTS[event.type] as (data: unknown) => Facts)(event.data);
  return {
    entryId: event.eventId,
    at: Date.parse(event.occurredAt),
    action: event.type,
    groupId: event.groupId,
    actor: auditActorOf(event),
    ...facts,
    requestId: event.correlationId,
  };
}
