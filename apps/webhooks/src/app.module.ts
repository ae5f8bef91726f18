import { ServiceNames } from '@cohort/contracts';
import { serviceModule } from '@cohort/service-kit';

import { webhooksEnvSchema } from './config/webhooks.config';
import { WebhooksModule } from './webhooks.module';

export const AppModule = serviceModule({
  service: ServiceNames.webhooks,
  envSchema: webhooksEnvSchema,
  features: [WebhooksModule],
});
