import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

import { findRepoRoot } from '@cohort/local-infra';

/** Runs a built app with the given env (nothing else) and returns how it ended. */
function runApp(app: string, env: Record<string, string>) {
  const root = findRepoRoot();
  const result = spawnSync(process.execPath, [join(root, 'dist/apps', app, 'src/main.js')], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    // A refusal comes within a second or two; a loaded machine may take far longer to load the app.
    timeout: 90_000,
  });
  const fatal = result.stdout
    .split('\n')
    .filter((line) => line.includes('"level":"fatal"'))
    .map((line) => JSON.parse(line) as { msg: string });
  return { status: result.status, fatal };
}

/** Production also requires the process's own NATS user (docs/security.md). */
const production = { NODE_ENV: 'production', NATS_USER: 'cohort', NATS_PASSWORD: 'pw' };

describe('a process with a bad configuration refuses to start', () => {
  it('names the bad variables of a service, never their values', () => {
    const { status, fatal } = runApp('groups', { MONGO_URL: 'secret-value-1', BUS_TIMEOUT_MS: 'secret-value-2' });
    expect(status).toBe(1);
    expect(fatal).toHaveLength(1);
    expect(fatal[0].msg).toContain('MONGO_URL');
    expect(fatal[0].msg).toContain('BUS_TIMEOUT_MS');
    expect(fatal[0].msg).not.toContain('secret-value');
  });

  it('refuses, in production, an app without JWT keys, and any secret of the repository or under 32 characters', () => {
    const strong = (tag: string) => `${tag}-0123456789abcdef0123456789abcdef`;
    const app = {
      appId: 'a',
      orgName: 'o',
      appName: 'n',
      clientId: 'c',
      clientSecret: strong('client'),
      jwtKeys: [{ kid: 'k1', secret: strong('jwt') }],
    };
    const gateway = (apps: unknown[]) => runApp('gateway', { ...production, APPS_JSON: JSON.stringify(apps) });
    expect(runApp('gateway', { ...production }).fatal[0].msg).toMatch(
      /^apps\[0\]\.jwtKeys: required with NODE_ENV=production/,
    );
    expect(gateway([{ ...app, clientSecret: 'demo-secret' }]).fatal[0].msg).toMatch(
      /^apps\[0\]\.clientSecret appears in the Cohort repository/,
    );
    expect(
      gateway([{ ...app, jwtKeys: [{ kid: 'k1', secret: 'change-me-to-a-long-random-secret-of-32-chars-or-more' }] }])
        .fatal[0].msg,
    ).toMatch(/jwtKeys\[0\]\.secret appears in the Cohort repository/);
    expect(gateway([{ ...app, clientSecret: 'x'.repeat(31) }]).fatal[0].msg).toMatch(
      /clientSecret is shorter than 32 characters/,
    );
    const refused = gateway([{ ...app, jwtKeys: [{ kid: 'k1', secret: app.clientSecret }] }]);
    expect([refused.status, refused.fatal[0].msg]).toEqual([1, expect.stringMatching(/used elsewhere/)]);
  });

  it('refuses, in production, a QR key of the repository (the old development default)', () => {
    const { status, fatal } = runApp('membership', {
      ...production,
      QR_SECRET: 'cohort-development-qr-secret-not-for-production',
    });
    expect(status).toBe(1);
    expect(fatal[0].msg).toContain('QR_SECRET');
    expect(fatal[0].msg).not.toContain('cohort-development-qr-secret');
  });

  it('refuses production without the process own NATS user', () => {
    const { status, fatal } = runApp('groups', { NODE_ENV: 'production' });
    expect(status).toBe(1);
    expect(fatal[0].msg).toContain('NATS_USER');
  });

  it('refuses malformed apps configuration', () => {
    const { status, fatal } = runApp('gateway', { APPS_JSON: '[{"appId":"x"}]' });
    expect(status).toBe(1);
    expect(fatal[0].msg).toMatch(/^apps\[0\]\.orgName/);
  });
});
