import { DomainError } from '@cohort/errors';

/** Never a subject, a driver's message or a stack. */
const PUBLIC_MESSAGES: Partial<Record<DomainError['code'], string>> = {
  internal: 'internal error',
  unavailable: 'service temporarily unavailable, retry later',
  timeout: 'the service did not answer in time, retry later',
};

export function publicError(error: DomainError): DomainError {
  const message = PUBLIC_MESSAGES[error.code];
  return message === undefined ? error : new DomainError(error.code, message);
}

export const isOwnFailure = (error: DomainError): boolean => PUBLIC_MESSAGES[error.code] !== undefined;
