import { Matches } from 'class-validator';

import { GROUP_ID_PATTERN } from './limits';

/** Validates a group id (or, with `each`, a list of them): decimal digits or a lower-case UUID. */
export function IsGroupId(options: { each?: boolean } = {}): PropertyDecorator {
  const what = options.each ? 'contain group ids' : 'be a group id';
  return Matches(GROUP_ID_PATTERN, {
    message: `$property must ${what} (decimal digits or a UUID)`,
    each: options.each,
  });
}
