import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { lastValueFrom, of } from 'rxjs';

import { GroupEnvelopeInterceptor, GroupPage, groupSuccessSchema } from './group-envelope.interceptor';

const envelope = (data: unknown) =>
  lastValueFrom(
    new GroupEnvelopeInterceptor().intercept({} as ExecutionContext, { handle: () => of(data) } as CallHandler),
  );

describe('/group success envelope', () => {
  it('wraps data; a page also gets cursor ("" on the last page), total and version 0', async () => {
    expect(await envelope({ a: 1 })).toEqual({ code: 200, message: null, data: { a: 1 } });
    const page = GroupPage.of({ items: [1, 2], cursor: null, total: 2 }, (n) => n * 10);
    expect(await envelope(page)).toEqual({
      code: 200,
      message: null,
      data: [10, 20],
      cursor: '',
      total: 2,
      version: 0,
    });
    expect(GroupPage.of({ items: [], cursor: 'next', total: 5 }, String).cursor).toBe('next');
  });

  it("documents a page's extra fields only for paged data, without the marker", () => {
    const items = { type: 'array', items: { $ref: '#/components/schemas/X' } };
    expect(groupSuccessSchema(items)).toMatchObject({
      required: ['code', 'message', 'data'],
      properties: { data: items },
    });
    expect(groupSuccessSchema(items).properties).not.toHaveProperty('cursor');
    const paged = groupSuccessSchema({ ...items, 'x-group-page': true } as never);
    expect(paged).toMatchObject({
      required: ['code', 'message', 'data', 'cursor', 'total', 'version'],
      properties: { data: items, version: { enum: [0] } },
    });
    expect(paged.properties?.data).toEqual(items);
  });
});
