import { REPOSITORY_SECRETS } from '@cohort/config';

import { membershipEnvSchema } from './membership.config';

describe('membership config', () => {
  // Production also requires the process's NATS user (docs/security.md).
  const production = { NODE_ENV: 'production', NATS_USER: 'membership', NATS_PASSWORD: 'pw' };
  const validate = (env: Record<string, string>) => membershipEnvSchema.validate(env, { allowUnknown: true });

  it('gives development and tests a random QR secret of their own, never a constant of the repository', () => {
    const first = validate({}).value.QR_SECRET as string;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(validate({}).value.QR_SECRET).not.toBe(first);
    expect(REPOSITORY_SECRETS).not.toContain(first);
  });

  it('refuses production without a QR secret, with a short one, or with any secret written in the repository', () => {
    expect(validate({ ...production }).error?.message).toMatch(/QR_SECRET/);
    expect(validate({ ...production, QR_SECRET: 'short' }).error?.message).toMatch(/QR_SECRET/);
    for (const known of REPOSITORY_SECRETS)
      expect(validate({ ...production, QR_SECRET: known }).error?.message).toMatch(/QR_SECRET/);
    expect(validate({ ...production, QR_SECRET: 'x'.repeat(32) }).error).toBeUndefined();
  });
});
