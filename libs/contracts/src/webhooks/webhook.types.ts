import type { EventType } from '../events';

/** Standard Webhooks v1, or Easemob's post-send callback. */
export const WEBHOOK_FORMATS = ['standard', 'easemob'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/** Where an endpoint comes from: the app's configuration (read-only here) or the admin API. */
export type WebhookSource = 'config' | 'api';

/** Every event type, once: a compile error here when an event is added without being listed. */
const EVENT_TYPE_SET = {
  'group.created': true,
  'group.updated': true,
  'group.settings_changed': true,
  'group.mute_all_changed': true,
  'group.destroyed': true,
  'group.owner_transferred': true,
  'member.joined': true,
  'member.left': true,
  'member.role_changed': true,
  'member.settings_changed': true,
  'member.muted': true,
  'member.unmuted': true,
  'member.blocked': true,
  'member.unblocked': true,
  'member.allowlisted': true,
  'member.unallowlisted': true,
  'join_request.created': true,
  'join_request.handled': true,
  'invitation.created': true,
  'invitation.handled': true,
  'room_attributes.changed': true,
  'announcement.published': true,
  'announcement.deleted': true,
  'file.added': true,
  'file.renamed': true,
  'file.deleted': true,
} satisfies Record<EventType, true>;

export const EVENT_TYPES = Object.keys(EVENT_TYPE_SET) as EventType[];

export const ALL_EVENTS = '*';
export type WebhookEventFilter = EventType | typeof ALL_EVENTS;

/** Circuit breaker of an endpoint: `open` pauses its deliveries until `openUntil`, then one probe runs (`half_open`). */
export type BreakerState = 'closed' | 'open' | 'half_open';

export interface WebhookEndpointView {
  endpointId: string;
  url: string;
  format: WebhookFormat;
  events: WebhookEventFilter[];
  description: string;
  disabled: boolean;
  source: WebhookSource;
  breaker: { state: BreakerState; consecutiveFailures: number; openUntil: number | null };
  /** When the previous secret stops signing (after a rotation), ms since epoch; null when only one secret signs. */
  previousSecretExpiresAt: number | null;
  createdAt: number;
  updatedAt: number;
}

/** The only answers that show the secret. */
export interface WebhookEndpointWithSecret extends WebhookEndpointView {
  secret: string;
}

/** pending: waiting for its turn or its next attempt; succeeded: a 2xx; failed: given up (kept for replay). */
export const DELIVERY_STATES = ['pending', 'succeeded', 'failed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export interface WebhookDeliveryView {
  deliveryId: string;
  endpointId: string;
  eventId: string;
  eventType: EventType | 'ping';
  groupId: string | null;
  /** The event's position in Cohort's event stream (increasing within a group). */
  sequence: number;
  occurredAt: number;
  state: DeliveryState;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  lastLatencyMs: number | null;
  nextAttemptAt: number | null;
  deliveredAt: number | null;
  /** Set on deliveries made by a replay: its id, and the URL when the replay named another one. */
  replayId: string | null;
  targetUrl: string | null;
}

export interface WebhookTestResult {
  ok: boolean;
  status: number | null;
  error: string | null;
  latencyMs: number;
}

export interface WebhookReplayResult {
  replayId: string;
  /** Deliveries queued by the replay (at most WebhookLimits.replayMax). */
  queued: number;
}

export const WebhookLimits = {
  url: 2048,
  description: 512,
  standardSecretMinBytes: 24,
  easemobSecretMinLength: 16,
  secretMaxLength: 256,
  endpointsPerApp: 50,
  pageMax: 100,
  replayEventIdsMax: 1000,
  replayMax: 10_000,
  rotationGraceMaxSeconds: 7 * 24 * 3600,
  rotationGraceDefaultSeconds: 24 * 3600,
} as const;
