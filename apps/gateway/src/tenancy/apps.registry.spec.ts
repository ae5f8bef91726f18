import type { ConfigService } from '@nestjs/config';
import type { GatewayEnv } from '../config/gateway.config';
import { AppsRegistry } from './apps.registry';

const registry = (apps: unknown[]) =>
  new AppsRegistry({ get: (key: keyof GatewayEnv) => (key === 'APPS_JSON' ? JSON.stringify(apps) : undefined) } as unknown as ConfigService<GatewayEnv, true>);
const app = { appId: 'a1', orgName: 'o', appName: 'n', clientId: 'c1', clientSecret: 'secret-1234' };
const bot = { botUserId: '8dcf823d-9eb3-4da2-8734-f0aad50c0da6', botSessionId: 'e8e5b807-fa8b-455a-8dfa-b189d28310ff', botPublicKey: 'A'.repeat(43) };

describe('AppsRegistry: an app’s Mixin bot', () => {
  it('keeps a valid bot with its app; an app without one has none', () => {
    const apps = registry([{ ...app, mixin: bot }, { ...app, appId: 'a2', clientId: 'c2' }]);
    expect(apps.findById('a1')?.mixin).toEqual(bot);
    expect(apps.findById('a2')?.mixin).toBeUndefined();
    expect(apps.all().map((a) => a.appId)).toEqual(['a1', 'a2']);
  });

  it('refuses a bot whose ids are not UUIDs or whose key is not an Ed25519 key, naming the field', () => {
    expect(() => registry([{ ...app, mixin: { ...bot, botUserId: 'bot' } }])).toThrow(/apps\[0\]\.mixin\.botUserId/);
    expect(() => registry([{ ...app, mixin: { ...bot, botPublicKey: 'short' } }])).toThrow(/apps\[0\]\.mixin\.botPublicKey/);
  });
});
