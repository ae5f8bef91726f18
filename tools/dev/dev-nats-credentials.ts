import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { findRepoRoot, NATS_OPERATOR, type NatsUser } from '@cohort/local-infra';

/** For `npm run events`; owner-only. */
export function devNatsCredentialsFile(rootDir = findRepoRoot(__dirname)): string {
  return join(rootDir, '.infra', 'dev', 'nats-credentials.json');
}

export interface DevNatsCredentials {
  url: string;
  passwords: Record<NatsUser, string>;
}

export function saveDevNatsCredentials(credentials: DevNatsCredentials, file = devNatsCredentialsFile()): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
}

export function devOperatorUrl(file = devNatsCredentialsFile()): string | undefined {
  if (!existsSync(file)) return undefined;
  const { url, passwords } = JSON.parse(readFileSync(file, 'utf8')) as DevNatsCredentials;
  return url.replace('nats://', `nats://${NATS_OPERATOR}:${encodeURIComponent(passwords[NATS_OPERATOR])}@`);
}
