import { NatsConnectionHolder } from '@cohort/bus';
import { pollUntil, startNatsServer, type TestServer } from '@cohort/testing';
import type { ConfigService } from '@nestjs/config';

import { TokenRevocations } from '../auth/token-revocations';
import type { GatewayEnv } from '../config/gateway.config';
import { RateLimiter } from '../http/rate-limiter';
import type { RegisteredApp } from '../tenancy/apps.registry';

/**
 * What the gateway replicas share through NATS KV, on a real NATS: two "replicas" (their own
 * connections, limiters and revocation mirrors) see each other's counts and revocations.
 */
describe('state shared by gateway replicas (real NATS)', () => {
  let nats: TestServer;
  const holders: NatsConnectionHolder[] = [];
  const config = (env: Partial<GatewayEnv>) =>
    ({ get: (key: keyof GatewayEnv) => env[key] }) as unknown as ConfigService<GatewayEnv, true>;
  const LIMIT = 50;
  const env = config({ RATE_LIMIT_PER_SECOND: LIMIT, RATE_LIMIT_PER_USER_PER_SECOND: LIMIT, JWT_TTL_SECONDS: 60 });
  const replica = (name: string) => {
    const holder = new NatsConnectionHolder({ serviceName: name, natsUrl: nats.url, requestTimeoutMs: 5_000 });
    holders.push(holder);
    return holder;
  };

  beforeAll(async () => {
    nats = await startNatsServer();
  });

  afterAll(async () => {
    await Promise.all(holders.map((holder) => holder.onApplicationShutdown()));
    await nats?.stop();
  });

  it('counts one budget across replicas: what one admitted, the other refuses, within the same second', async () => {
    const [a, b] = [new RateLimiter(replica('gateway-a'), env), new RateLimiter(replica('gateway-b'), env)];
    a.onModuleInit();
    b.onModuleInit();
    const app = { appId: 'shared' } as RegisteredApp;
    // One fixed second for both (the window is the caller's `now`): no wall-clock race in the test.
    const second = Math.floor(Date.now() / 1000) * 1000;
    try {
      // A spends the whole budget of that second.
      const spentByA = Array.from({ length: LIMIT + 1 }, () => a.consume(app, 'group:info', null, second).admitted);
      expect(spentByA.filter(Boolean)).toHaveLength(LIMIT);
      // B, which admits on its own until A's counts reach it (100 ms at most, once its watch is up), then refuses.
      let admittedByB = 0;
      const refused = await pollUntil(() => {
        const answer = b.consume(app, 'group:info', null, second);
        if (answer.admitted) admittedByB += 1;
        return answer.admitted ? false : answer;
      });
      expect(refused.budget).toMatchObject({ limit: LIMIT, remaining: 0 });
      expect(admittedByB).toBeLessThan(LIMIT / 2);
    } finally {
      a.onModuleDestroy();
      b.onModuleDestroy();
    }
  });

  it('a revocation made through one replica is enforced by the other within moments', async () => {
    const [a, b] = [new TokenRevocations(replica('gateway-c'), env), new TokenRevocations(replica('gateway-d'), env)];
    a.onModuleInit();
    b.onModuleInit();
    try {
      const revokedAt = await pollUntil(() => a.revokeUser('shared', 'alice@example:1').catch(() => undefined));
      expect(a.notBefore('shared', 'alice@example:1')).toBe(revokedAt);
      expect(await pollUntil(() => b.notBefore('shared', 'alice@example:1') === revokedAt)).toBe(true);
      expect(b.notBefore('shared', 'bob')).toBe(0);
      expect(b.notBefore('shared', null)).toBe(0);
      await a.revokeApp('shared', revokedAt + 5);
      expect(await pollUntil(() => b.notBefore('shared', 'bob') === revokedAt + 5)).toBe(true);
    } finally {
      a.onModuleDestroy();
      b.onModuleDestroy();
    }
  });
});
