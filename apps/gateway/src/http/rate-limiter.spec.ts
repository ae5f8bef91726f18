import type { ConfigService } from '@nestjs/config';
import type { GatewayEnv } from '../config/gateway.config';
import { RateLimiter } from './rate-limiter';

const limiter = (limit: number) =>
  new RateLimiter({ get: () => limit } as unknown as ConfigService<GatewayEnv, true>);

describe('RateLimiter', () => {
  it('allows N calls per second per app and family, then answers rate_limited with Retry-After', () => {
    const rl = limiter(2);
    rl.consume('a', 'group:info', 10_000);
    rl.consume('a', 'group:info', 10_100);
    expect(() => rl.consume('a', 'group:info', 10_200)).toThrow(
      expect.objectContaining({ code: 'rate_limited', details: { retryAfterSeconds: 1 } }),
    );
    // Other families and other apps have their own budget; the next second starts afresh.
    expect(() => rl.consume('a', 'group:settings', 10_200)).not.toThrow();
    expect(() => rl.consume('b', 'group:info', 10_200)).not.toThrow();
    expect(() => rl.consume('a', 'group:info', 11_000)).not.toThrow();
  });
});
