import { membershipEnvSchema } from './membership.config';

describe('membership config', () => {
  const validate = (env: Record<string, string>) => membershipEnvSchema.validate(env, { allowUnknown: true });

  it('gives development and tests a QR secret, and refuses production without a real one', () => {
    // Production also requires the process's NATS user (docs/security.md).
    const production = { NODE_ENV: 'production', NATS_USER: 'membership', NATS_PASSWORD: 'pw' };
    expect(validate({}).value.QR_SECRET).toHaveLength(47);
    expect(validate({ ...production }).error?.message).toMatch(/QR_SECRET/);
    expect(validate({ ...production, QR_SECRET: validate({}).value.QR_SECRET }).error?.message).toMatch(/QR_SECRET/);
    expect(validate({ ...production, QR_SECRET: 'short' }).error?.message).toMatch(/QR_SECRET/);
    expect(validate({ ...production, QR_SECRET: 'x'.repeat(32) }).error).toBeUndefined();
  });
});
