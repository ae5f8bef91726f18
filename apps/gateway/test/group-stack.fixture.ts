import { type Stack, startStack, type StartStackOptions } from '@cohort/testing';

import { Api, demoApp, newUserId } from './group-e2e.helpers';
import { StackDb } from './stack-db';

/** Rate limits (the app's, and each user's share) high enough that suites other than auth never hit them. */
export const HIGH_RATE_LIMIT = { RATE_LIMIT_PER_SECOND: '10000', RATE_LIMIT_PER_USER_PER_SECOND: '10000' };

export interface GroupStackOptions<A extends Api = Api> {
  /** Extra env for every app (default HIGH_RATE_LIMIT). */
  env?: Record<string, string>;
  /** Extra env for one app only (e.g. the gateway's APPS_JSON; default: the demo app with DEMO_JWT_KEY). */
  appEnv?: StartStackOptions['appEnv'];
  /** Builds the suite's HTTP client (default `new Api(baseUrl)`). */
  api?: (baseUrl: string) => A;
  /** Whether to open a StackDb on the services' databases (default true). */
  db?: boolean;
  /** Processes per service (default 1). */
  instances?: number;
}

/** The three users every /group suite acts as, besides the app admin. */
export interface GroupUsers {
  owner: string;
  member: string;
  outsider: string;
}

export interface GroupStack<A extends Api = Api> {
  /** Fresh user ids of the suite: known as soon as the fixture is registered. */
  readonly users: GroupUsers;
  /** The rest is only available once the fixture's beforeAll has run. */
  readonly stack: Stack;
  readonly api: A;
  readonly db: StackDb;
  /** `app`: an app-admin token without user; the others: user tokens of `users`. */
  readonly tokens: Readonly<GroupUsers & { app: string }>;
}

/**
 * The fixture of a /group e2e suite: registers a beforeAll that starts the built stack
 * (startStack), builds the client, opens the StackDb and gets an app-admin token and one user
 * token for each of owner / member / outsider, and an afterAll that closes and stops it all.
 * Call it at the top of the suite's describe; hooks registered after it see it started.
 */
export function useGroupStack<A extends Api = Api>(suite: string, options: GroupStackOptions<A> = {}): GroupStack<A> {
  const users: GroupUsers = { owner: newUserId(), member: newUserId(), outsider: newUserId() };
  let stack: Stack | undefined;
  let db: StackDb | undefined;
  let api: A | undefined;
  let tokens: GroupStack['tokens'] | undefined;

  beforeAll(async () => {
    stack = await startStack({
      suite,
      env: options.env ?? HIGH_RATE_LIMIT,
      appEnv: { ...options.appEnv, gateway: { APPS_JSON: JSON.stringify([demoApp()]), ...options.appEnv?.gateway } },
      instances: options.instances,
    });
    const client = options.api ? options.api(stack.baseUrl) : (new Api(stack.baseUrl) as A);
    if (options.db !== false) db = await StackDb.connect(stack);
    const [app, owner, member, outsider] = await Promise.all([
      client.token(),
      client.token(users.owner),
      client.token(users.member),
      client.token(users.outsider),
    ]);
    api = client;
    tokens = { app, owner, member, outsider };
  });

  afterAll(async () => {
    await db?.close();
    await stack?.stop();
  });

  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) {
      throw new Error(
        `useGroupStack(${suite}): ${what} is only available once its beforeAll has run${what === 'db' && options.db === false ? ' (and db: false was given)' : ''}`,
      );
    }
    return value;
  };

  return {
    users,
    get stack() {
      return ready(stack, 'stack');
    },
    get api() {
      return ready(api, 'api');
    },
    get db() {
      return ready(db, 'db');
    },
    get tokens() {
      return ready(tokens, 'tokens');
    },
  };
}
