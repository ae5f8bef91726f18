import 'reflect-metadata';

import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

import { GroupIdCommand } from './group-id.command';
import { Paged, WithCursor } from './paging';

class GroupPage extends Paged(10, GroupIdCommand) {}
class AnyPage extends Paged(3) {}
class GroupCursor extends WithCursor(GroupIdCommand) {}

const failing = (cls: new () => object, input: object) =>
  validateSync(plainToInstance(cls, input)).map((error) => error.property);

describe('Paged', () => {
  it('adds a cursor and a page size of 1..max to the base class, keeping its rules', () => {
    expect(failing(GroupPage, { groupId: '1000000001', limit: 10, cursor: 'abc' })).toEqual([]);
    expect(failing(GroupPage, { groupId: 'x', limit: 11, cursor: 'c'.repeat(1025) }).sort()).toEqual([
      'cursor',
      'groupId',
      'limit',
    ]);
    expect(failing(GroupPage, { groupId: '1000000001', limit: 5, groupType: 'room' })).toEqual(['groupType']);
  });

  it('stands alone without a base, and each page size is its own', () => {
    expect(failing(AnyPage, { limit: 3 })).toEqual([]);
    expect(failing(AnyPage, { limit: 4 })).toEqual(['limit']);
    expect(failing(AnyPage, { limit: 0 })).toEqual(['limit']);
  });
});

describe('WithCursor', () => {
  it('adds an optional cursor only', () => {
    expect(failing(GroupCursor, { groupId: '1000000001' })).toEqual([]);
    expect(failing(GroupCursor, { groupId: '1000000001', cursor: 7 })).toEqual(['cursor']);
  });
});
