import { DomainError } from '@cohort/errors';
import type { Logger } from '@nestjs/common';
import { MongoNetworkError } from 'mongodb';

import { errorPayloadOf } from './error-payload';

describe('errorPayloadOf: what a failed command answers on the bus', () => {
  const logger = () => ({ warn: jest.fn(), error: jest.fn() });

  it('a write cut off by a database outage answers unavailable (503 in every dialect), logged as a warning', () => {
    const log = logger();
    expect(
      errorPayloadOf(
        new MongoNetworkError('connection 7 to 127.0.0.1:27017 closed'),
        log as unknown as Logger,
        'membership.members.add',
      ),
    ).toEqual({
      code: 'unavailable',
      message: 'the database is unavailable: try again shortly',
    });
    expect(log.warn).toHaveBeenCalledTimes(1);
    expect(log.error).not.toHaveBeenCalled();
  });

  it('a domain error is itself; a bug is internal, logged with its stack, its text kept out of the answer', () => {
    const log = logger();
    expect(errorPayloadOf(new DomainError('forbidden', 'no'), log as unknown as Logger, 'h')).toEqual({
      code: 'forbidden',
      message: 'no',
    });
    expect(errorPayloadOf(new TypeError('x is undefined'), log as unknown as Logger, 'h')).toEqual({
      code: 'internal',
      message: 'internal error',
    });
    expect(log.error).toHaveBeenCalledTimes(1);
    expect(log.warn).not.toHaveBeenCalled();
  });
});
