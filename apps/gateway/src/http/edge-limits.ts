import { validatedEnv } from '@cohort/config';

import { gatewayEnvSchema, type HttpLimits } from '../config/gateway.config';

/** Node's default, 30 s, would let a trickled request live half a minute past its timeout. */
const TIMEOUT_CHECK_INTERVAL_MS = 1_000;

/** Before Nest starts: the HTTP server exists before the config module does. */
export const httpLimitsFromEnv = (): HttpLimits => validatedEnv<HttpLimits>(gatewayEnvSchema);

export function edgeServerOptions(limits: HttpLimits) {
  return {
    bodyLimit: limits.HTTP_BODY_LIMIT_BYTES,
    requestTimeout: limits.HTTP_REQUEST_TIMEOUT_MS,
    connectionTimeout: limits.HTTP_CONNECTION_TIMEOUT_MS,
    keepAliveTimeout: limits.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    trustProxy: limits.HTTP_TRUST_PROXY,
    http: {
      headersTimeout: limits.HTTP_HEADERS_TIMEOUT_MS,
      requestTimeout: limits.HTTP_REQUEST_TIMEOUT_MS,
      connectionsCheckingInterval: Math.min(TIMEOUT_CHECK_INTERVAL_MS, limits.HTTP_HEADERS_TIMEOUT_MS),
    },
  };
}
