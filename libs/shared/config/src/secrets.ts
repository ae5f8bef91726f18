import { randomBytes } from 'node:crypto';

export const MIN_SECRET_LENGTH = 32;

/** Public, so production refuses each of them wherever a secret is configured. */
export const REPOSITORY_SECRETS: readonly string[] = [
  'demo-secret',
  'cohort-development-qr-secret-not-for-production',
  'change-me-to-a-long-random-secret-of-32-chars-or-more',
  'change-me-now',
  'a-real-secret',
  'a-long-random-secret-of-32-chars+',
];

export function productionSecretProblem(secret: string): string | null {
  if (REPOSITORY_SECRETS.includes(secret))
    return 'appears in the Cohort repository (a public example), so it is no secret';
  if (secret.length < MIN_SECRET_LENGTH) return `is shorter than ${MIN_SECRET_LENGTH} characters`;
  return null;
}

export const randomSecret = (): string => randomBytes(32).toString('base64url');
