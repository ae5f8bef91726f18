import { validateInput } from '@cohort/errors';
import { JoinedChatroomsQuery, joinedPage, MemberPageQuery } from './easemob-paging.dto';

const parse = <T extends object>(cls: new () => T, query: Record<string, unknown>) => validateInput(cls, query, '', { stripUnknown: true });

describe('Easemob paging queries', () => {
  it('member pages: page 1 of 1000 by default, numbers read from their strings', () => {
    expect(parse(MemberPageQuery, {})).toEqual({ pagenum: 1, pagesize: 1000 });
    expect(parse(MemberPageQuery, { pagenum: '3', pagesize: '20', other: 'x' })).toEqual({ pagenum: 3, pagesize: 20 });
    expect(parse(MemberPageQuery, { pagenum: '', pagesize: '' })).toEqual({ pagenum: 1, pagesize: 1000 });
  });

  it('refuses a page or page size out of range, naming it', () => {
    for (const [name, value] of [['pagenum', '0'], ['pagenum', 'x'], ['pagenum', '1.5'], ['pagesize', '0'], ['pagesize', '1001'], ['pagesize', '-3']]) {
      for (const cls of [MemberPageQuery, JoinedChatroomsQuery]) {
        expect(() => parse(cls, { [name]: value })).toThrow(
          expect.objectContaining({ code: 'invalid_parameter', message: expect.stringMatching(new RegExp(`^${name}: `)) }),
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
    expect(joinedPage(parse(JoinedChatroomsQuery, { pagenum: '3' }))).toEqual({ pageNumber: 3, pageSize: 1000, params: { pagenum: ['3'] } });
    expect(joinedPage(parse(JoinedChatroomsQuery, { pagesize: '10' }))).toEqual({ pageNumber: 1, pageSize: 10, params: { pagesize: ['10'] } });
  });
});
