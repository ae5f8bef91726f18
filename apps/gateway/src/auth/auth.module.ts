import { Global, Module } from '@nestjs/common';
import { RateLimiter } from '../http/rate-limiter';
import { AppsRegistry } from '../tenancy/apps.registry';
import { LoginThrottle } from './login-throttle';
import { TokenRevocations } from './token-revocations';
import { TokenService } from './token.service';

/** Tenancy, tokens and rate limits: what every dialect's guard needs. */
@Global()
@Module({
  providers: [AppsRegistry, TokenService, LoginThrottle, TokenRevocations, RateLimiter],
  exports: [AppsRegistry, TokenService, TokenRevocations, RateLimiter],
})
export class AuthModule {}
