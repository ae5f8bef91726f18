import { ApiGatewayTimeoutResponse, ApiResponse, ApiServiceUnavailableResponse } from '@nestjs/swagger';

/** The `Retry-After` header of a rate-limited answer. */
export const RETRY_AFTER = {
  description: 'Seconds until the next request may pass',
  schema: { type: 'string', pattern: '^[1-9][0-9]*$' },
} as const;

/**
 * What any route of a dialect that answers errors with HTTP statuses may meet besides its own
 * errors: the rate limit (429 with Retry-After), a service not running (503), a service too slow (504).
 */
export const ApiEdgeResponses = (): (ClassDecorator & MethodDecorator)[] => [
  ApiResponse({ status: 429, description: 'Rate limited', headers: { 'Retry-After': RETRY_AFTER } }),
  ApiServiceUnavailableResponse({ description: 'A service is not running' }),
  ApiGatewayTimeoutResponse({ description: 'A service did not answer in time' }),
];
