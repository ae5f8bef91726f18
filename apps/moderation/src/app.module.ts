import { ServiceNames } from '@cohort/contracts';
import { serviceModule } from '@cohort/service-kit';

import { AllowlistModule } from './allowlist/allowlist.module';
import { BlocksModule } from './blocks/blocks.module';
import { moderationEnvSchema } from './config/moderation.config';
import { MutesModule } from './mutes/mutes.module';
import { GroupPurgeModule } from './purge/group-purge.module';
import { SendDecisionModule } from './send-decision/send-decision.module';

export const AppModule = serviceModule({
  service: ServiceNames.moderation,
  envSchema: moderationEnvSchema,
  features: [MutesModule, BlocksModule, AllowlistModule, SendDecisionModule, GroupPurgeModule],
});
