import { ServiceNames } from '@cohort/contracts';
import { serviceModule } from '@cohort/service-kit';

import { groupsEnvSchema } from './config/groups.config';
import { GroupsModule } from './groups/groups.module';

export const AppModule = serviceModule({
  service: ServiceNames.groups,
  envSchema: groupsEnvSchema,
  features: [GroupsModule],
});
