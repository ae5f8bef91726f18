import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { NATS_USERS, natsAuthorizationConfig, natsPasswordVariable, natsPermissions } from './nats-authorization';
import { findRepoRoot } from './repo-root';

/** The file docker-compose gives nats-server: passwords come from its environment. */
const COMPOSE_CONFIG = join(findRepoRoot(), 'tools', 'infra', 'nats', 'authorization.conf');
const HEADER =
  '# Generated from libs/shared/local-infra/src/nats-authorization.ts (UPDATE_NATS_CONF=1 npx jest --selectProjects unit nats-authorization rewrites it).\n';

describe('NATS authorization', () => {
  it('docker-compose runs the same users and permissions as the dev runner and the tests', () => {
    const expected = HEADER + natsAuthorizationConfig((user) => `$${natsPasswordVariable(user)}`);
    if (process.env.UPDATE_NATS_CONF === '1') writeFileSync(COMPOSE_CONFIG, expected);
    expect(readFileSync(COMPOSE_CONFIG, 'utf8')).toBe(expected);
  });

  it('gives no app a wildcard over events or over every command', () => {
    for (const user of NATS_USERS.filter((name) => name !== 'operator')) {
      const { publish } = natsPermissions(user);
      expect(publish).not.toContain('>');
      expect(publish).not.toContain('evt.>');
    }
  });
});
