import { join } from 'node:path';

import { type ServiceName, ServiceNames } from '@cohort/contracts';

export const SERVICE_APPS: readonly ServiceName[] = Object.values(ServiceNames);
export type ServiceApp = ServiceName;
export const GATEWAY_APP = 'gateway';
export type CohortApp = ServiceApp | typeof GATEWAY_APP;
export const ALL_APPS: readonly CohortApp[] = [...SERVICE_APPS, GATEWAY_APP];

export function builtAppMain(rootDir: string, app: CohortApp): string {
  return join(rootDir, 'dist', 'apps', app, 'src', 'main.js');
}

export function isServiceApp(app: string): app is ServiceApp {
  return (SERVICE_APPS as readonly string[]).includes(app);
}
