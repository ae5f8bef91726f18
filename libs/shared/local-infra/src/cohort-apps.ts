import { join } from 'node:path';

/** The five domain services, in the order they are started. */
export const SERVICE_APPS = ['groups', 'membership', 'moderation', 'content', 'room-metadata'] as const;
export type ServiceApp = (typeof SERVICE_APPS)[number];
export const GATEWAY_APP = 'gateway';
export type CohortApp = ServiceApp | typeof GATEWAY_APP;
export const ALL_APPS: readonly CohortApp[] = [...SERVICE_APPS, GATEWAY_APP];

/** Default MONGO_DB of each service (what the service uses when MONGO_DB is not set). */
export const DEFAULT_MONGO_DB: Record<ServiceApp, string> = {
  groups: 'cohort_groups',
  membership: 'cohort_membership',
  moderation: 'cohort_moderation',
  content: 'cohort_content',
  'room-metadata': 'cohort_room_metadata',
};

/** Where the build (tools/build.sh) puts an app's entry point. */
export function builtAppMain(rootDir: string, app: CohortApp): string {
  return join(rootDir, 'dist', 'apps', app, 'src', 'main.js');
}

export function isServiceApp(app: string): app is ServiceApp {
  return (SERVICE_APPS as readonly string[]).includes(app);
}
