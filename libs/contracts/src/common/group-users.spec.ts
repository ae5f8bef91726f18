import 'reflect-metadata';

import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

import { GroupUsersBatch } from './group-users';

class TwoUsers extends GroupUsersBatch(2) {}

const messages = (input: object) =>
  validateSync(plainToInstance(TwoUsers, input)).flatMap((error) => Object.values(error.constraints ?? {}));

describe('GroupUsersBatch', () => {
  it('takes 1..max user ids of one group', () => {
    expect(messages({ groupId: '1000000001', userIds: ['u1', '1002'] })).toEqual([]);
  });

  it('refuses none, too many and malformed ids, naming the field and the rule', () => {
    expect(messages({ groupId: '1000000001', userIds: [] })).toEqual(['userIds must name at least one user']);
    expect(messages({ groupId: '1000000001', userIds: ['a', 'b', 'c'] })).toEqual([
      'userIds may name at most 2 users per call',
    ]);
    expect(messages({ groupId: '1000000001', userIds: ['a b'] })).toEqual([
      'userIds must contain user ids (1..64 chars of [A-Za-z0-9_.@:-])',
    ]);
  });
});
