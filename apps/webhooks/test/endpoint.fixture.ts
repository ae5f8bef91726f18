import { CLOSED_BREAKER, type EndpointDoc } from '../src/endpoints/schemas/endpoint.schema';

/** A standard-format secret strong enough to be accepted. */
export const STANDARD_SECRET = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;

/** An enabled API endpoint `wh_1` of app `app`, subscribed to every event, created at the epoch. */
export function endpointDoc(overrides: Partial<EndpointDoc> = {}): EndpointDoc {
  return {
    _id: 'wh_1',
    appId: 'app',
    url: 'https://hooks.example/x',
    format: 'standard',
    events: ['*'],
    description: '',
    disabled: false,
    source: 'api',
    secrets: [{ secret: STANDARD_SECRET, expiresAt: null }],
    breaker: { ...CLOSED_BREAKER },
    createdAt: new Date(1),
    updatedAt: new Date(1),
    ...overrides,
  };
}
