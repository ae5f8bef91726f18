import { randomBytes } from 'node:crypto';

import {
  DEAD_LETTER_STREAM,
  EVENTS_STREAM,
  eventSubject,
  type EventType,
  type ServiceName,
  ServiceNames,
} from '@cohort/contracts';

import { ALL_APPS, type CohortApp, GATEWAY_APP } from './cohort-apps';

export const NATS_OPERATOR = 'operator';
export type NatsUser = CohortApp | typeof NATS_OPERATOR;
export const NATS_USERS: readonly NatsUser[] = [...ALL_APPS, NATS_OPERATOR];

/** The only service allowed to publish each event: a new event type must be placed here. */
export const EVENT_PUBLISHERS: Record<EventType, ServiceName> = {
  'group.created': 'groups',
  'group.updated': 'groups',
  'group.settings_changed': 'groups',
  'group.mute_all_changed': 'groups',
  'group.destroyed': 'groups',
  'group.owner_transferred': 'membership',
  'member.joined': 'membership',
  'member.left': 'membership',
  'member.role_changed': 'membership',
  'member.settings_changed': 'membership',
  'member.muted': 'moderation',
  'member.unmuted': 'moderation',
  'member.blocked': 'moderation',
  'member.unblocked': 'moderation',
  'member.allowlisted': 'moderation',
  'member.unallowlisted': 'moderation',
  'join_request.created': 'membership',
  'join_request.handled': 'membership',
  'invitation.created': 'membership',
  'invitation.handled': 'membership',
  'room_attributes.changed': 'room-metadata',
  'announcement.published': 'content',
  'announcement.deleted': 'content',
  'file.added': 'content',
  'file.renamed': 'content',
  'file.deleted': 'content',
};

const SERVICE_TO_SERVICE: readonly ServiceName[] = [
  ServiceNames.groups,
  ServiceNames.membership,
  ServiceNames.moderation,
];

function jetStreamOf(service: ServiceName): string[] {
  return [
    '$JS.API.INFO',
    ...[EVENTS_STREAM, DEAD_LETTER_STREAM].flatMap((stream) => [
      `$JS.API.STREAM.INFO.${stream}`,
      `$JS.API.STREAM.CREATE.${stream}`,
    ]),
    `$JS.API.CONSUMER.INFO.${EVENTS_STREAM}.*`,
    `$JS.API.CONSUMER.CREATE.${EVENTS_STREAM}.>`,
    `$JS.API.CONSUMER.DURABLE.CREATE.${EVENTS_STREAM}.*`,
    `$JS.API.CONSUMER.MSG.NEXT.${EVENTS_STREAM}.*`,
    `$JS.ACK.${EVENTS_STREAM}.>`,
    `dlq.${service}.>`,
  ];
}

export interface NatsPermissions {
  publish: string[];
  subscribe: string[];
}

/** Replies go only to the asker (allow_responses) and each user reads only its own inbox. */
export function natsPermissions(user: NatsUser): NatsPermissions {
  if (user === NATS_OPERATOR) return { publish: ['>'], subscribe: ['>'] };
  const inbox = `_INBOX_${user}.>`;
  if (user === GATEWAY_APP) {
    return {
      publish: [
        ...Object.values(ServiceNames).map((service) => `${service}.>`),
        // Key-value buckets shared by the gateway's replicas (token revocations, rate counts, Mixin
        // token ids): their streams, reads, writes and the ordered consumers that watch them.
        '$JS.API.INFO',
        '$JS.API.STREAM.INFO.*',
        '$JS.API.STREAM.CREATE.*',
        '$JS.API.STREAM.MSG.GET.*',
        '$JS.API.DIRECT.GET.>',
        '$JS.API.CONSUMER.CREATE.>',
        '$JS.API.CONSUMER.INFO.>',
        '$JS.API.CONSUMER.DELETE.>',
        '$JS.FC.>',
        '$KV.>',
      ],
      subscribe: [inbox],
    };
  }
  const ownEvents = (Object.keys(EVENT_PUBLISHERS) as EventType[])
    .filter((type) => EVENT_PUBLISHERS[type] === user)
    .map(eventSubject);
  const sends = SERVICE_TO_SERVICE.includes(user) ? SERVICE_TO_SERVICE : [...SERVICE_TO_SERVICE, user];
  return {
    publish: [...sends.map((service) => `${service}.>`), ...ownEvents, ...jetStreamOf(user)],
    subscribe: [`${user}.>`, 'evt.>', inbox],
  };
}

export function generateNatsPasswords(): Record<NatsUser, string> {
  return Object.fromEntries(NATS_USERS.map((user) => [user, randomBytes(32).toString('base64url')])) as Record<
    NatsUser,
    string
  >;
}

export function natsPasswordVariable(user: NatsUser): string {
  return `COHORT_NATS_PASSWORD_${user.toUpperCase().replace(/-/g, '_')}`;
}

const list = (subjects: string[]) => `[${subjects.map((subject) => JSON.stringify(subject)).join(', ')}]`;

/** Passwords are literal values or, for a deployment, `$VARIABLE` references nats-server reads from its environment. */
export function natsAuthorizationConfig(password: (user: NatsUser) => string): string {
  const users = NATS_USERS.map((user) => {
    const { publish, subscribe } = natsPermissions(user);
    return [
      `    {`,
      `      user: ${JSON.stringify(user)}`,
      `      password: ${password(user)}`,
      `      permissions: {`,
      `        publish: { allow: ${list(publish)} }`,
      `        subscribe: { allow: ${list(subscribe)} }`,
      ...(user === NATS_OPERATOR ? [] : [`        allow_responses: true`]),
      `      }`,
      `    }`,
    ].join('\n');
  });
  return `authorization {\n  users = [\n${users.join(',\n')}\n  ]\n}\n`;
}
