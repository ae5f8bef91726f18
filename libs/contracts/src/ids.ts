import { Matches } from 'class-validator';

import { GROUP_ID_PATTERN, USER_ID_PATTERN } from './limits';

/** Validates a group id (or, with `each`, a list of them): decimal digits or a lower-case UUID. */
export function IsGroupId(options: { each?: boolean } = {}): PropertyDecorator {
  const what = options.each ? 'contain group ids' : 'be a group id';
  return Matches(GROUP_ID_PATTERN, {
    message: `$property must ${what} (decimal digits or a UUID)`,
    each: options.each,
  });
}

/** Validates a user id (or, with `each`, a list of them): USER_ID_PATTERN. */
export function IsUserId(options: { each?: boolean } = {}): PropertyDecorator {
  const what = options.each ? 'contain user ids' : 'be a user id';
  return Matches(USER_ID_PATTERN, {
    message: `$property must ${what} (1..64 chars of [A-Za-z0-9_.@:-])`,
    each: options.each,
  });
}
