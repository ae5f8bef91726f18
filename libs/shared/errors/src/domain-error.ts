import type { ErrorCode, ErrorPayload } from '@cohort/contracts';

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
