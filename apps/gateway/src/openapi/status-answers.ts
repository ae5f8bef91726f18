import { ApiGatewayTimeoutResponse, ApiResponse, ApiServiceUnavailableResponse } from '@nestjs/swagger';

export const RETRY_AFTER = {
  description: 'Seconds until the next request may pass',
  schema: { type: 'string', pattern: '^[1-9][0-9]*$' },
} as const;

export const ApiEdgeResponses = (): (ClassDecorator & MethodDecorator)[] => [
  ApiResponse({ status: 429, description: 'Rate limited', headers: { 'Retry-After': RETRY_AFTER } }),
  ApiServiceUnavailableResponse({ description: 'A service is not running' }),
  ApiGatewayTimeoutResponse({ description: 'A service did not answer in time' }),
];
