import { generateKeyPairSync } from 'node:crypto';

import type { ConfigService } from '@nestjs/config';

import type { GatewayEnv } from '../config/gateway.config';
import { AppsRegistry } from './apps.registry';

const registry = (apps: unknown[], nodeEnv = 'test') =>
  new AppsRegistry({
    get: (key: keyof GatewayEnv) =>
      key === 'APPS_JSON' ? JSON.stringify(apps) : key === 'NODE_ENV' ? nodeEnv : undefined,
  } as unknown as ConfigService<GatewayEnv, true>);
const botKey = generateKeyPairSync('ed25519')
  .publicKey.export({ format: 'der', type: 'spki' })
  .subarray(12)
  .toString('base64');
const app = { appId: 'a1', orgName: 'o', appName: 'n', clientId: 'c1', clientSecret: 'secret-1234' };
const bot = {
  botUserId: '8dcf823d-9eb3-4da2-8734-f0aad50c0da6',
  botSessionId: 'e8e5b807-fa8b-455a-8dfa-b189d28310ff',
  botPublicKey: botKey,
};

describe('AppsRegistry: an app’s Mixin bot', () => {
  it('keeps a valid bot with its app; an app without one has none', () => {
    const apps = registry([
      { ...app, mixin: bot },
      { ...app, appId: 'a2', clientId: 'c2' },
    ]);
    expect(apps.findById('a1')?.mixin).toEqual(bot);
    expect(apps.findById('a2')?.mixin).toBeUndefined();
    expect(apps.all().map((a) => a.appId)).toEqual(['a1', 'a2']);
  });

  it('refuses a bot whose ids are not UUIDs or whose key is not an Ed25519 key, naming the field', () => {
    expect(() => registry([{ ...app, mixin: { ...bot, botUserId: 'bot' } }])).toThrow(/apps\[0\]\.mixin\.botUserId/);
    expect(() => registry([{ ...app, mixin: { ...bot, botPublicKey: 'short' } }])).toThrow(
      /apps\[0\]\.mixin\.botPublicKey/,
    );
    // The identity point: a small-order key any signature verifies under.
    const identity = Buffer.from('01'.padEnd(64, '0'), 'hex').toString('base64');
    expect(() => registry([{ ...app, mixin: { ...bot, botPublicKey: identity } }])).toThrow(
      /apps\[0\]\.mixin\.botPublicKey/,
    );
  });
});

describe('AppsRegistry: secrets', () => {
  const strong = (tag: string) => `${tag}-a-random-looking-secret-of-32-characters`;
  const prodApp = { ...app, clientSecret: strong('client'), jwtKeys: [{ kid: 'k1', secret: strong('jwt') }] };

  it('gives an app without JWT keys a random one outside production, never its client secret', () => {
    const registered = registry([app]).findById('a1')!;
    expect(registered.signingKey.key.export().toString()).not.toBe(app.clientSecret);
    expect(registered.signingKey.key.export().length).toBeGreaterThanOrEqual(32);
  });

  it('refuses two apps sharing a JWT key, a JWT key equal to a client secret, duplicate kids', () => {
    const key = { kid: 'k1', secret: strong('shared') };
    expect(() =>
      registry([
        { ...app, jwtKeys: [key] },
        { ...app, appId: 'a2', clientId: 'c2', jwtKeys: [key] },
      ]),
    ).toThrow(/used elsewhere/);
    expect(() =>
      registry([{ ...app, clientSecret: strong('same'), jwtKeys: [{ kid: 'k1', secret: strong('same') }] }]),
    ).toThrow(/used elsewhere/);
    expect(() => registry([{ ...app, jwtKeys: [key, { ...key, secret: strong('other') }] }])).toThrow(/duplicate kid/);
    expect(() => registry([{ ...app, jwtKeys: [{ kid: 'k1', secret: 'short' }] }])).toThrow(/jwtKeys/);
  });

  it('with NODE_ENV=production, refuses missing JWT keys, secrets of the repository and secrets under 32 characters', () => {
    expect(() => registry([prodApp], 'production')).not.toThrow();
    expect(() => registry([{ ...prodApp, jwtKeys: undefined }], 'production')).toThrow(/jwtKeys: required/);
    expect(() => registry([{ ...prodApp, clientSecret: 'demo-secret' }], 'production')).toThrow(
      /clientSecret appears in the Cohort repository/,
    );
    expect(() => registry([{ ...prodApp, clientSecret: 'x'.repeat(31) }], 'production')).toThrow(
      /clientSecret is shorter than 32/,
    );
    expect(() =>
      registry(
        [{ ...prodApp, jwtKeys: [{ kid: 'k1', secret: 'change-me-to-a-long-random-secret-of-32-chars-or-more' }] }],
        'production',
      ),
    ).toThrow(/jwtKeys\[0\]\.secret appears/);
  });
});
