import { type Caller, USER_ID_PATTERN } from '@cohort/contracts';
import { invalidParameter } from '@cohort/errors';

import type { TokenIdentity } from './token.service';
import { unauthorized } from './token-errors';

const absent = (value: unknown) => value === undefined || value === '';

/** An app-admin token acts as `user_id` (else with owner rights); a user token naming anyone else is refused (401). */
export function actingCaller(identity: TokenIdentity, userIdParam: unknown): Caller {
  const appId = identity.app.appId;
  if (!identity.isAppAdmin) {
    if (!absent(userIdParam) && userIdParam !== identity.userId) throw unauthorized("user_id is not the token's user");
    return { appId, userId: identity.userId, isAppAdmin: false };
  }
  if (absent(userIdParam)) return { appId, userId: null, isAppAdmin: true };
  if (typeof userIdParam !== 'string' || !USER_ID_PATTERN.test(userIdParam)) {
    throw invalidParameter('user_id', 'must be a user id');
  }
  return { appId, userId: userIdParam, isAppAdmin: true };
}
