import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Made once, random, kept under .infra/dev/ (git-ignored). */
export interface DevSecrets {
  jwtKey: { kid: string; secret: string };
  qrSecret: string;
}

const random = () => randomBytes(32).toString('base64url');

export function devSecrets(file: string): DevSecrets {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as DevSecrets;
  const secrets: DevSecrets = {
    jwtKey: { kid: `dev-${randomBytes(4).toString('hex')}`, secret: random() },
    qrSecret: random(),
  };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2) + '\n', { mode: 0o600 });
  return secrets;
}
