import { BusModule } from '@cohort/bus';
import { validatedConfigModule } from '@cohort/config';
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';

import { AuthModule } from './auth/auth.module';
import { TokenController } from './auth/token.controller';
import { gatewayEnvSchema } from './config/gateway.config';
import { AdminDialectModule } from './dialects/admin/admin-dialect.module';
import { AdminAuthModule } from './dialects/admin-auth/admin-auth.module';
import { AdminWebhooksModule } from './dialects/admin-webhooks/admin-webhooks.module';
import { EasemobDialectModule } from './dialects/easemob/easemob-dialect.module';
import { GroupDialectModule } from './dialects/group/group-dialect.module';
import { MixinDialectModule } from './dialects/mixin/mixin-dialect.module';
import { HealthController } from './health/health.controller';
import { OpsController } from './health/ops.controller';
import { DialectExceptionFilter } from './http/dialect-exception.filter';
import { InputValidationPipe } from './http/input-validation.pipe';

@Module({
  imports: [
    validatedConfigModule(gatewayEnvSchema),
    BusModule.forRoot('gateway'),
    AuthModule,
    GroupDialectModule,
    EasemobDialectModule,
    MixinDialectModule,
    AdminAuthModule,
    AdminWebhooksModule,
    AdminDialectModule,
  ],
  controllers: [TokenController, HealthController, OpsController],
  providers: [
    { provide: APP_PIPE, useClass: InputValidationPipe },
    { provide: APP_FILTER, useClass: DialectExceptionFilter },
  ],
})
export class AppModule {}
