import { invalidParameter } from '@cohort/errors';

import { type AppConfig, capacityCeilingOf } from '../../tenancy/app-config';

/**
 * `maxusers` held to the app's capacity ceiling (10,000 unless its config's `maxCapacity` raises
 * it): tenant configuration, which only the gateway has. Above it → 400 naming `maxusers`.
 */
export function withinCapacityCeiling(app: AppConfig, maxusers: number): number {
  const ceiling = capacityCeilingOf(app);
  if (maxusers > ceiling)
    throw invalidParameter('maxusers', `must be an integer from 1 to ${ceiling} (the app's capacity ceiling)`);
  return maxusers;
}
