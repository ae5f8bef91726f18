import { DomainError } from '@cohort/errors';

export const unauthorized = (why: string) => new DomainError('unauthorized', why);

/** The detail lets a dialect tell it apart: the /group vendor's SDK logs in again on code 402 and gives up on 401. */
export const tokenExpired = () => new DomainError('unauthorized', 'token expired', { tokenExpired: true });

export const isTokenExpired = (error: DomainError): boolean =>
  error.code === 'unauthorized' && error.details?.tokenExpired === true;
