import { DomainError, invalidParameter } from '@cohort/errors';

import { allSentAs, inDialectFields } from './field-names';

const names = { memberIds: 'user_list', ...allSentAs('value', ['name', 'ext']) };

describe('inDialectFields', () => {
  it('names a domain field of an invalid_parameter error as the dialect does, in details and message', () => {
    expect(inDialectFields(invalidParameter('memberIds', 'at most 999 users'), names)).toMatchObject({
      code: 'invalid_parameter',
      message: 'user_list: at most 999 users',
      details: { field: 'user_list' },
    });
    expect(inDialectFields(invalidParameter('name', 'must be at most 128 characters'), names).message).toBe(
      'value: must be at most 128 characters',
    );
  });

  it('renames the head of a nested field', () => {
    expect(inDialectFields(invalidParameter('memberIds.3', 'bad'), names).message).toBe('user_list.3: bad');
  });

  it('leaves fields the table does not know, other errors, and inherited names alone', () => {
    for (const error of [
      invalidParameter('user_list', 'must be an array'),
      invalidParameter('constructor', 'x'),
      new DomainError('forbidden', 'memberIds: no'),
      new DomainError('invalid_parameter', 'no field detail'),
    ]) {
      expect(inDialectFields(error, names)).toBe(error);
    }
  });
});
