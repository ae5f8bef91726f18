import { Module } from '@nestjs/common';
import { ServiceNames } from '@cohort/contracts';
import { BusModule } from '@cohort/bus';
import { validatedConfigModule } from '@cohort/config';
import { MongoModule } from '@cohort/mongo';
import { healthControllerFor } from '@cohort/service-kit';
import { membershipEnvSchema } from './config/membership.config';
import { RosterModule } from './roster/roster.module';

@Module({
  imports: [
    validatedConfigModule(membershipEnvSchema),
    BusModule.forRoot(ServiceNames.membership),
    MongoModule.forRoot(),
    RosterModule,
  ],
  controllers: [healthControllerFor(ServiceNames.membership)],
})
export class AppModule {}
