/**
 * Every NATS request/reply subject: `<service>.<entity>.<verb>`. Only the owning service answers
 * under its prefix; its queue group is the service name. Events live under `evt.` (events.ts).
 */
export const ServiceNames = {
  groups: 'groups',
  membership: 'membership',
  moderation: 'moderation',
  content: 'content',
  roomMetadata: 'room-metadata',
} as const;
export type ServiceName = (typeof ServiceNames)[keyof typeof ServiceNames];

export const Subjects = {
  groups: {
    health: 'groups.health.check',
    create: 'groups.group.create',
    get: 'groups.group.get',
    getMany: 'groups.group.get_many',
    updateProfile: 'groups.group.update_profile',
    updateSettings: 'groups.group.update_settings',
    setMuteAll: 'groups.group.set_mute_all',
    destroy: 'groups.group.destroy',
  },
  membership: {
    health: 'membership.health.check',
    initializeRoster: 'membership.roster.initialize',
    purgeRoster: 'membership.roster.purge',
    getAccess: 'membership.access.get',
  },
  moderation: { health: 'moderation.health.check' },
  content: { health: 'content.health.check' },
  roomMetadata: { health: 'room-metadata.health.check' },
} as const;

export type HealthSubject = (typeof Subjects)[keyof typeof Subjects]['health'];

export const HealthSubjects: Record<ServiceName, HealthSubject> = {
  groups: Subjects.groups.health,
  membership: Subjects.membership.health,
  moderation: Subjects.moderation.health,
  content: Subjects.content.health,
  'room-metadata': Subjects.roomMetadata.health,
};
