import { validateInput } from '@cohort/errors';

import { GroupPageSizes, GroupPagingQuery } from './paging.dto';

class MemberListQuery extends GroupPagingQuery(GroupPageSizes.memberList) {}
class InvitationListQuery extends GroupPagingQuery(GroupPageSizes.invitationList) {}

const parse = (cls: new () => object, query: Record<string, unknown>) =>
  validateInput(cls, query, '', { stripUnknown: true });

describe('GroupPagingQuery', () => {
  it("defaults limit to the list's page size; cursor absent is the first page", () => {
    expect(parse(MemberListQuery, {})).toEqual({ limit: 1000 });
    expect(parse(InvitationListQuery, { limit: '', cursor: '' })).toEqual({ limit: 100, cursor: '' });
  });

  it('reads limit from its query string, capped at the page size', () => {
    expect(parse(MemberListQuery, { limit: '20', cursor: 'abc' })).toEqual({ limit: 20, cursor: 'abc' });
    expect(parse(InvitationListQuery, { limit: '5000' })).toEqual({ limit: 100 });
  });

  it('accepts version and ignores unknown parameters', () => {
    expect(parse(MemberListQuery, { version: '7', app_id: 'demo' })).toEqual({ limit: 1000, version: '7' });
  });

  it('refuses a limit that is not a positive integer, naming it', () => {
    for (const limit of ['0', '-1', '1.5', 'ten']) {
      expect(() => parse(MemberListQuery, { limit })).toThrow(
        expect.objectContaining({ code: 'invalid_parameter', message: 'limit: must be a positive integer' }),
      );
    }
  });
});
