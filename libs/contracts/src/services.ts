/**
 * The domain services. Bus subjects are `<service>.<entity>.<verb>`: only the owning service
 * answers under its prefix, and its queue group is the service name. Events live under `evt.`.
 */
export const ServiceNames = {
  groups: 'groups',
  membership: 'membership',
  moderation: 'moderation',
  content: 'content',
  roomMetadata: 'room-metadata',
  webhooks: 'webhooks',
  audit: 'audit',
} as const;
export type ServiceName = (typeof ServiceNames)[keyof typeof ServiceNames];
