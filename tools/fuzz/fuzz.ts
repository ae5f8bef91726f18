/**
 * /group answers HTTP 200 with the outcome in `code` by design, so schemathesis' "negative data must
 * be rejected with 4xx" check is left out; hooks.py works around how it passes values between calls.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { findRepoRoot } from '@cohort/local-infra';
import { startStack } from '@cohort/testing';

const CHECKS = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_headers_conformance',
  'response_schema_conformance',
];

async function token(baseUrl: string, userId: string): Promise<string> {
  const res = await fetch(`${baseUrl}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: 'demo', client_secret: 'demo-secret', user_id: userId }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

async function main(): Promise<number> {
  const [st, ...extra] = process.argv.slice(2);
  if (!st) throw new Error('usage: fuzz.js <path of st> [st run options]');
  const root = findRepoRoot(__dirname);
  const fuzzDir = join(root, '.infra', 'fuzz');
  const stack = await startStack({
    suite: 'fuzz',
    env: { RATE_LIMIT_PER_SECOND: '100000', RATE_LIMIT_PER_USER_PER_SECOND: '100000', LOG_LEVEL: 'warn' },
  });
  try {
    const userToken = await token(stack.baseUrl, '1001');
    const args = [
      'run',
      `${stack.baseUrl}/openapi.json`,
      '--checks',
      CHECKS.join(','),
      '--header',
      `access-token: ${userToken}`,
      '--header',
      'app_id: demo',
      '--max-examples',
      '30',
      '--max-time',
      '300',
      '--workers',
      '2',
      '--seed',
      '1',
      '--report',
      'junit',
      '--report-dir',
      join(fuzzDir, 'report'),
      ...extra,
    ];
    return await new Promise<number>((resolve) => {
      const hooks = join(root, 'tools', 'fuzz', 'hooks.py');
      // Run in .infra/fuzz: schemathesis keeps its cache in `.schemathesis/` under its working directory.
      const child = spawn(st, args, {
        stdio: 'inherit',
        cwd: fuzzDir,
        env: { ...process.env, SCHEMATHESIS_HOOKS: hooks },
      });
      child.on('exit', (code) => resolve(code ?? 1));
    });
  } finally {
    await stack.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
