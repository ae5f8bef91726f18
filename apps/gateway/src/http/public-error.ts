import { DomainError } from '@cohort/errors';

/** What a client reads of a failure of ours: a fixed sentence, never a subject, a driver's message or a stack. */
const PUBLIC_MESSAGES: Partial<Record<DomainError['code'], string>> = {
  internal: 'internal error',
  unavailable: 'service temporarily unavailable, retry later',
  timeout: 'the service did not answer in time, retry later',
};

/** The error as a client may see it: failures of ours lose their text (it is logged instead). */
export function publicError(error: DomainError): DomainError {
  const message = PUBLIC_MESSAGES[error.code];
  return message === undefined ? error : new DomainError(error.code, message);
}

/** Whether the error is ours rather than the client's: its original text is logged. */
export const isOwnFailure = (error: DomainError): boolean => PUBLIC_MESSAGES[error.code] !== undefined;
