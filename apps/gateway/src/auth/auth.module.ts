import { Global, Module } from '@nestjs/common';
import { RateLimiter } from '../http/rate-limiter';
import { AppsRegistry } from '../tenancy/apps.registry';
import { TokenService } from './token.service';

/** Tenancy, tokens and rate limits: what every dialect's guard needs. */
@Global()
@Module({
  providers: [AppsRegistry, TokenService, RateLimiter],
  exports: [AppsRegistry, TokenService, RateLimiter],
})
export class AuthModule {}
