import { type ServiceEnv, serviceEnvSchema } from '@cohort/config';
import { ServiceNames } from '@cohort/contracts';
import * as Joi from 'joi';

export const auditEnvSchema = serviceEnvSchema(ServiceNames.audit).keys({
  // AUDIT_RETENTION_BY_APP overrides it per app as a JSON object `{"<appId>": days}`.
  AUDIT_RETENTION_DAYS: Joi.number().integer().min(1).max(36_500).default(90),
  AUDIT_RETENTION_BY_APP: Joi.object().pattern(Joi.string(), Joi.number().integer().min(1).max(36_500)).default({}),
  // A pass stays short; the next one goes on.
  AUDIT_RETENTION_BATCH: Joi.number().integer().min(1).max(100_000).default(5_000),
});

export interface AuditEnv extends ServiceEnv {
  AUDIT_RETENTION_DAYS: number;
  AUDIT_RETENTION_BY_APP: Record<string, number>;
  AUDIT_RETENTION_BATCH: number;
}
