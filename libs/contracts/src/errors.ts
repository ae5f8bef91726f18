/** Canonical error codes. Services return them; each dialect maps them once. */
export const ErrorCodes = [
  'invalid_parameter',
  'unauthorized',
  'forbidden',
  'not_member',
  'owner_protected',
  'blocked',
  'group_not_found',
  'not_found',
  'already_member',
  'group_full',
  'too_many_admins',
  'conflict',
  'rate_limited',
  // Transport-level outcomes, never thrown by domain rules.
  'unavailable',
  'timeout',
  'internal',
] as const;

export type ErrorCode = (typeof ErrorCodes)[number];

/** The error as data, as it crosses the bus and reaches the dialect mappers. */
export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/** Default HTTP status per canonical code; dialects may override a few (Easemob). */
export const HTTP_STATUS_BY_CODE: Record<ErrorCode, number> = {
  invalid_parameter: 400,
  unauthorized: 401,
  forbidden: 403,
  not_member: 403,
  owner_protected: 403,
  blocked: 403,
  group_not_found: 404,
  not_found: 404,
  already_member: 409,
  group_full: 409,
  too_many_admins: 409,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
  timeout: 504,
  internal: 500,
};
