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
    timeout: 30_000,
  });
  const fatal = result.stdout
    .split('\n')
    .filter((line) => line.includes('"level":"fatal"'))
    .map((line) => JSON.parse(line) as { msg: string });
  return { status: result.status, fatal };
}

describe('a process with a bad configuration refuses to start', () => {
  it('names the bad variables of a service, never their values', () => {
    const { status, fatal } = runApp('groups', { MONGO_URL: 'secret-value-1', BUS_TIMEOUT_MS: 'secret-value-2' });
    expect(status).toBe(1);
    expect(fatal).toHaveLength(1);
    expect(fatal[0].msg).toContain('MONGO_URL');
    expect(fatal[0].msg).toContain('BUS_TIMEOUT_MS');
    expect(fatal[0].msg).not.toContain('secret-value');
  });

  it('refuses the default dev secret in production', () => {
    const { status, fatal } = runApp('gateway', { NODE_ENV: 'production', NATS_USER: 'gateway', NATS_PASSWORD: 'pw' });
    expect(status).toBe(1);
    expect(fatal[0].msg).toBe('apps[0].clientSecret: the default dev secret is refused with NODE_ENV=production');
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
