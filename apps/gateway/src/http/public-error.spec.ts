import { DomainError } from '@cohort/errors';
import type { ArgumentsHost } from '@nestjs/common';

import { DialectExceptionFilter } from './dialect-exception.filter';

/** What the filter answers to a /group request that failed with `exception`. */
function answer(exception: unknown): { status: number; body: unknown } {
  const sent: { status: number; body: unknown } = { status: 0, body: undefined };
  const reply = {
    header: () => reply,
    status: (status: number) => ((sent.status = status), reply),
    send: (body: unknown) => ((sent.body = body), reply),
  };
  const request = { method: 'GET', url: '/group/info', routeOptions: {} };
  const host = {
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }),
  } as unknown as ArgumentsHost;
  new DialectExceptionFilter().catch(exception, host);
  return sent;
}

describe('no internal text in any answer', () => {
  it('answers failures of ours with a fixed sentence: no subject, driver message or stack', () => {
    const failures = [
      new DomainError('unavailable', 'service for groups.info is not available', { notDelivered: true }),
      new DomainError('timeout', 'service for membership.members.list did not answer in time'),
      new DomainError('internal', 'groups.info: malformed reply', {
        err: 'E11000 duplicate key error collection: cohort_groups.groups',
      }),
      new Error('MongoServerError: connection 3 to 127.0.0.1:27017 closed'),
    ];
    for (const failure of failures) {
      const text = JSON.stringify(answer(failure).body);
      expect(text).not.toMatch(/groups\.info|membership\.|E11000|Mongo|127\.0\.0\.1|at \w+ \(/);
    }
    expect(JSON.stringify(answer(failures[0]).body)).toContain('service temporarily unavailable');
  });

  it("keeps the client's own errors as they are", () => {
    expect(JSON.stringify(answer(new DomainError('not_member', 'user 7 is not a member of group 1')).body)).toContain(
      'user 7 is not a member of group 1',
    );
  });
});
