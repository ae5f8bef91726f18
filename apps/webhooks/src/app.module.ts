import { ServiceNames } from '@cohort/contracts';
import { serviceModule } from '@cohort/service-kit';

import { webhooksEnvSchema } from './config/webhooks.config';
import { WebhooksModule } from './webhooks.module';

/** The webhooks service: the app's endpoints and the delivery of every event to them. */
export const AppModule = serviceModule({
  service: ServiceNames.webhooks,
  envSchema: webhooksEnvSchema,
  features: [WebhooksModule],
});
