import { BusModule } from '@cohort/bus';
import { validatedConfigModule } from '@cohort/config';
import type { ServiceName } from '@cohort/contracts';
import { MongoModule } from '@cohort/mongo';
import { OutboxModule } from '@cohort/outbox';
import { type DynamicModule, type ForwardReference, Module, type Type } from '@nestjs/common';
import type * as Joi from 'joi';

import { healthControllerFor } from './health.controller';
import { ServiceOps } from './service-ops';

type FeatureModule = Type<unknown> | DynamicModule | Promise<DynamicModule> | ForwardReference;

export interface ServiceModuleOptions {
  service: ServiceName;
  envSchema: Joi.ObjectSchema;
  features: FeatureModule[];
}

export function serviceModule(options: ServiceModuleOptions): Type<unknown> {
  @Module({
    imports: [
      validatedConfigModule(options.envSchema),
      BusModule.forRoot(options.service),
      MongoModule.forRoot(),
      OutboxModule,
      ...options.features,
    ],
    controllers: [healthControllerFor(options.service)],
    providers: [ServiceOps],
  })
  class ServiceRootModule {}
  return ServiceRootModule;
}
