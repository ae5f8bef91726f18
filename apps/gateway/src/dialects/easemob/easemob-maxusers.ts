import { invalidParameter } from '@cohort/errors';

import { type AppConfig, capacityCeilingOf } from '../../tenancy/app-config';

/** Tenant configuration, which only the gateway has. */
export function withinCapacityCeiling(app: AppConfig, maxusers: number): number {
  const ceiling = capacityCeilingOf(app);
  if (maxusers > ceiling)
    throw invalidParameter('maxusers', `must be an integer from 1 to ${ceiling} (the app's capacity ceiling)`);
  return maxusers;
}
