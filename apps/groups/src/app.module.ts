import { Module } from '@nestjs/common';
import { ServiceNames } from '@cohort/contracts';
import { BusModule } from '@cohort/bus';
import { validatedConfigModule } from '@cohort/config';
import { MongoModule } from '@cohort/mongo';
import { healthControllerFor } from '@cohort/service-kit';
import { groupsEnvSchema } from './config/groups.config';
import { GroupsModule } from './groups/groups.module';

@Module({
  imports: [
    validatedConfigModule(groupsEnvSchema),
    BusModule.forRoot(ServiceNames.groups),
    MongoModule.forRoot(),
    GroupsModule,
  ],
  controllers: [healthControllerFor(ServiceNames.groups)],
})
export class AppModule {}
