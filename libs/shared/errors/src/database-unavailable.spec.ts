import {
  MongoBulkWriteError,
  MongoNetworkError,
  MongoNetworkTimeoutError,
  MongoServerError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
} from 'mongodb';

import { canonicalErrorOf, isDatabaseUnavailable } from './database-unavailable';
import { DomainError } from './domain-error';

// The driver's own class, not exported from its index (it is what a killed database's pool raises).
const { PoolClearedError } = jest.requireActual<{ PoolClearedError: new (pool: object) => Error }>(
  'mongodb/lib/cmap/errors',
);

const labelled = (error: MongoServerError, label: string) => {
  error.addErrorLabel(label);
  return error;
};

describe('a database outage is `unavailable`, not `internal`', () => {
  // The errors the driver raises while the database is killed, restarting, frozen or failing over.
  const outages: [string, unknown][] = [
    ['a connection reset', new MongoNetworkError('connection 3 to 127.0.0.1:27017 closed')],
    ['a socket timeout (frozen database)', new MongoNetworkTimeoutError('connection timed out')],
    [
      'no server to select',
      new MongoServerSelectionError('connect ECONNREFUSED 127.0.0.1:27017', {
        error: undefined,
        servers: new Map(),
      } as never),
    ],
    [
      'a cleared pool',
      new PoolClearedError({ address: '127.0.0.1:27017', serverError: new MongoNetworkError('reset') }),
    ],
    ['a closed topology (shutting down)', new MongoTopologyClosedError()],
    ['a node stepping down', new MongoServerError({ message: 'not primary', code: 10107 })],
    ['a node shutting down', new MongoServerError({ message: 'interrupted at shutdown', code: 11600 })],
    [
      'mongoose giving up while disconnected',
      Object.assign(new Error('Operation `members.findOne()` buffering timed out after 10000ms'), {
        name: 'MongooseError',
      }),
    ],
    [
      'mongoose failing to connect',
      Object.assign(new Error('connect ECONNREFUSED'), { name: 'MongooseServerSelectionError' }),
    ],
    [
      'a write labelled retryable',
      labelled(new MongoServerError({ message: 'write concern error', code: 64 }), 'RetryableWriteError'),
    ],
    ['an outage wrapped by other code', new Error('flush failed', { cause: new MongoNetworkError('reset') })],
    [
      'a bulk write whose connection closed (unlabelled: no retryable writes on a single server)',
      new MongoBulkWriteError(new MongoNetworkError('connection 16 to 127.0.0.1:46347 closed'), {} as never),
    ],
  ];

  it.each(outages)('%s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(canonicalErrorOf(error)?.toPayload()).toEqual({
      code: 'unavailable',
      message: 'the database is unavailable: try again shortly',
    });
  });

  it('a bug or a refused write stays unknown (internal); a domain error stays itself', () => {
    for (const error of [
      new TypeError("Cannot read properties of undefined (reading 'x')"),
      new MongoServerError({ message: 'E11000 duplicate key', code: 11000 }),
      new MongoBulkWriteError({ message: 'E11000 duplicate key', code: 11000, writeErrors: [] }, {} as never),
      'boom',
      null,
    ]) {
      expect(isDatabaseUnavailable(error)).toBe(false);
      expect(canonicalErrorOf(error)).toBeNull();
    }
    const refusal = new DomainError('forbidden', 'no');
    expect(canonicalErrorOf(refusal)).toBe(refusal);
  });
});
