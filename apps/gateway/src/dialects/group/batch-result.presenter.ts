import type { ItemResult } from '@cohort/contracts';

import type { GroupUserResult } from './dto/member-answers';
import { groupErrorMessage } from './group-errors';
import { jsonId } from './group-info.presenter';

export const succeeded = (userId: string, reason = ''): GroupUserResult => ({
  user_id: jsonId(userId),
  result: 'success',
  reason,
});

/** Worded as the error envelope words errors. */
export function toUserResult(item: ItemResult): GroupUserResult {
  return item.ok
    ? succeeded(item.userId)
    : { user_id: jsonId(item.userId), result: 'fail', reason: groupErrorMessage(item.error) };
}
