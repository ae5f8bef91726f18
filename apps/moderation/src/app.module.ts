import { Module } from '@nestjs/common';
import { ServiceNames } from '@cohort/contracts';
import { BusModule } from '@cohort/bus';
import { validatedConfigModule } from '@cohort/config';
import { MongoModule } from '@cohort/mongo';
import { healthControllerFor } from '@cohort/service-kit';
import { AllowlistModule } from './allowlist/allowlist.module';
import { BlocksModule } from './blocks/blocks.module';
import { moderationEnvSchema } from './config/moderation.config';
import { GroupPurgeModule } from './group-purge/group-purge.module';
import { MutesModule } from './mutes/mutes.module';

@Module({
  imports: [
    validatedConfigModule(moderationEnvSchema),
    BusModule.forRoot(ServiceNames.moderation),
    MongoModule.forRoot(),
    MutesModule,
    BlocksModule,
    AllowlistModule,
    GroupPurgeModule,
  ],
  controllers: [healthControllerFor(ServiceNames.moderation)],
})
export class AppModule {}
