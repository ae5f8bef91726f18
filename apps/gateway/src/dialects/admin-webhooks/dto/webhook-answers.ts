import { ALL_EVENTS, DELIVERY_STATES, EVENT_TYPES, WEBHOOK_FORMATS } from '@cohort/contracts';
import type { SchemaObject } from '@nestjs/swagger';

const nullable = (schema: SchemaObject): SchemaObject => ({ ...schema, nullable: true });
const object = (properties: Record<string, SchemaObject>): SchemaObject => ({
  type: 'object',
  required: Object.keys(properties),
  additionalProperties: false,
  properties,
});

const ENDPOINT_PROPERTIES: Record<string, SchemaObject> = {
  endpointId: { type: 'string' },
  url: { type: 'string' },
  format: { type: 'string', enum: [...WEBHOOK_FORMATS] },
  events: { type: 'array', items: { type: 'string', enum: [ALL_EVENTS, ...EVENT_TYPES] } },
  description: { type: 'string' },
  disabled: { type: 'boolean' },
  source: {
    type: 'string',
    enum: ['config', 'api'],
    description: '`config`: from the app configuration, read-only here',
  },
  breaker: object({
    state: { type: 'string', enum: ['closed', 'open', 'half_open'] },
    consecutiveFailures: { type: 'integer' },
    openUntil: nullable({ type: 'integer', description: 'ms since epoch' }),
  }),
  previousSecretExpiresAt: nullable({
    type: 'integer',
    description: 'When the previous secret stops signing (ms since epoch)',
  }),
  createdAt: { type: 'integer' },
  updatedAt: { type: 'integer' },
};

export const WEBHOOK_ENDPOINT: SchemaObject = object(ENDPOINT_PROPERTIES);
export const WEBHOOK_ENDPOINT_WITH_SECRET: SchemaObject = object({
  ...ENDPOINT_PROPERTIES,
  secret: { type: 'string', description: 'The signing secret: shown only by the creation and by a rotation' },
});
export const WEBHOOK_LIST: SchemaObject = object({ items: { type: 'array', items: WEBHOOK_ENDPOINT } });
export const WEBHOOK_DELETED: SchemaObject = object({ deleted: { type: 'boolean', enum: [true] } });
export const WEBHOOK_TEST: SchemaObject = object({
  ok: { type: 'boolean' },
  status: nullable({ type: 'integer' }),
  error: nullable({ type: 'string' }),
  latencyMs: { type: 'integer' },
});
export const WEBHOOK_REPLAY: SchemaObject = object({ replayId: { type: 'string' }, queued: { type: 'integer' } });

const DELIVERY: SchemaObject = object({
  deliveryId: { type: 'string' },
  endpointId: { type: 'string' },
  eventId: { type: 'string' },
  eventType: { type: 'string' },
  groupId: nullable({ type: 'string' }),
  sequence: { type: 'integer', description: "The event's position in the event stream" },
  occurredAt: { type: 'integer' },
  state: { type: 'string', enum: [...DELIVERY_STATES] },
  attempts: { type: 'integer' },
  lastStatus: nullable({ type: 'integer' }),
  lastError: nullable({ type: 'string' }),
  lastLatencyMs: nullable({ type: 'integer' }),
  nextAttemptAt: nullable({ type: 'integer' }),
  deliveredAt: nullable({ type: 'integer' }),
  replayId: nullable({ type: 'string' }),
  targetUrl: nullable({ type: 'string' }),
});

export const WEBHOOK_DELIVERIES: SchemaObject = object({
  items: { type: 'array', items: DELIVERY },
  cursor: nullable({ type: 'string', description: 'Pass as `cursor` for the next page; null on the last' }),
  total: { type: 'integer' },
});
