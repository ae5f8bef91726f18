import { Global, Module } from '@nestjs/common';

import { RateLimiter } from '../http/rate-limiter';
import { AppsRegistry } from '../tenancy/apps.registry';
import { LoginThrottle } from './login-throttle';
import { TokenService } from './token.service';
import { TokenRevocations } from './token-revocations';

@Global()
@Module({
  providers: [AppsRegistry, TokenService, LoginThrottle, TokenRevocations, RateLimiter],
  exports: [AppsRegistry, TokenService, TokenRevocations, RateLimiter],
})
export class AuthModule {}
