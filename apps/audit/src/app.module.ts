import { ServiceNames } from '@cohort/contracts';
import { serviceModule } from '@cohort/service-kit';

import { auditEnvSchema } from './config/audit.config';
import { AuditEntriesModule } from './entries/audit-entries.module';
import { RetentionModule } from './retention/retention.module';

export const AppModule = serviceModule({
  service: ServiceNames.audit,
  envSchema: auditEnvSchema,
  features: [AuditEntriesModule, RetentionModule],
});
