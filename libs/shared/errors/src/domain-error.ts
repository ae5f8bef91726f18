import type { ErrorCode, ErrorPayload } from '@cohort/contracts';

/** The one error type services throw; it crosses the bus as an ErrorPayload. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static fromPayload(payload: ErrorPayload): DomainError {
    return new DomainError(payload.code, payload.message, payload.details);
  }

  toPayload(): ErrorPayload {
    return this.details
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message };
  }
}

export function invalidParameter(field: string, rule: string): DomainError {
  return new DomainError('invalid_parameter', `${field}: ${rule}`, { field });
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

/**
 * The same invalid_parameter error under the name a dialect's client used for the field (the
 * /group dialect sends every profile field as `value`). Other errors pass unchanged.
 */
export function renameInvalidField(error: unknown, from: string, to: string): unknown {
  if (!isDomainError(error) || error.code !== 'invalid_parameter' || error.details?.field !== from) return error;
  return invalidParameter(to, error.message.slice(`${from}: `.length));
}
