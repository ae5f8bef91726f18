import { validateInput } from '@cohort/errors';

import {
  ChatroomListQuery,
  JoinedChatroomsQuery,
  joinedPage,
  MemberPageQuery,
  pagingParams,
  SuperAdminPageQuery,
} from './easemob-paging.dto';

const parse = <T extends object>(cls: new () => T, query: Record<string, unknown>) =>
  validateInput(cls, query, '', { stripUnknown: true });

describe('Easemob paging queries', () => {
  it('member pages: page 1 of 1000 by default, numbers read from their strings', () => {
    expect(parse(MemberPageQuery, {})).toEqual({ pagenum: 1, pagesize: 1000 });
    expect(parse(MemberPageQuery, { pagenum: '3', pagesize: '20', other: 'x' })).toEqual({ pagenum: 3, pagesize: 20 });
    expect(parse(MemberPageQuery, { pagenum: '', pagesize: '' })).toEqual({ pagenum: 1, pagesize: 1000 });
  });

  it('refuses a page or page size out of range, naming it', () => {
    for (const [name, value] of [
      ['pagenum', '0'],
      ['pagenum', 'x'],
      ['pagenum', '1.5'],
      ['pagesize', '0'],
      ['pagesize', '1001'],
      ['pagesize', '-3'],
    ]) {
      for (const cls of [MemberPageQuery, JoinedChatroomsQuery]) {
        expect(() => parse(cls, { [name]: value })).toThrow(
          expect.objectContaining({
            code: 'invalid_parameter',
            message: expect.stringMatching(new RegExp(`^${name}: `)),
          }),
        );
      }
    }
  });

  it('joined chatrooms: the 500 most recent without paging; else a page, defaults 1 and 1000, echoing what was sent', () => {
    expect(joinedPage(parse(JoinedChatroomsQuery, {}))).toEqual({ pageNumber: 1, pageSize: 500 });
    expect(joinedPage(parse(JoinedChatroomsQuery, { pagenum: '2', pagesize: '2' }))).toEqual({
      pageNumber: 2,
      pageSize: 2,
      params: { pagenum: ['2'], pagesize: ['2'] },
    });
    expect(joinedPage(parse(JoinedChatroomsQuery, { pagenum: '3' }))).toEqual({
      pageNumber: 3,
      pageSize: 1000,
      params: { pagenum: ['3'] },
    });
    expect(joinedPage(parse(JoinedChatroomsQuery, { pagesize: '10' }))).toEqual({
      pageNumber: 1,
      pageSize: 10,
      params: { pagesize: ['10'] },
    });
  });

  it('super admin pages: page 1 of 10 by default, at most 1000', () => {
    expect(parse(SuperAdminPageQuery, {})).toEqual({ pagenum: 1, pagesize: 10 });
    expect(parse(SuperAdminPageQuery, { pagenum: '2', pagesize: '1000' })).toEqual({ pagenum: 2, pagesize: 1000 });
    expect(() => parse(SuperAdminPageQuery, { pagesize: '1001' })).toThrow(
      expect.objectContaining({ message: 'pagesize: must be an integer from 1 to 1000' }),
    );
  });

  it('chatroom list: 10 from the first page by default, limit 1 to 100, an empty cursor is none', () => {
    expect(parse(ChatroomListQuery, {})).toEqual({ limit: 10 });
    expect(parse(ChatroomListQuery, { limit: '100', cursor: 'abc' })).toEqual({ limit: 100, cursor: 'abc' });
    expect(parse(ChatroomListQuery, { cursor: '' })).toEqual({ limit: 10 });
    for (const limit of ['0', '101', 'x']) {
      expect(() => parse(ChatroomListQuery, { limit })).toThrow(
        expect.objectContaining({ message: 'limit: must be an integer from 1 to 100' }),
      );
    }
    expect(pagingParams({ limit: 10, cursor: undefined })).toEqual({ limit: ['10'] });
  });
});
