import { ServiceNames } from '@cohort/contracts';
import { serviceModule } from '@cohort/service-kit';

import { membershipEnvSchema } from './config/membership.config';
import { MembershipModule } from './membership.module';

export const AppModule = serviceModule({
  service: ServiceNames.membership,
  envSchema: membershipEnvSchema,
  features: [MembershipModule],
});
