import { DomainError } from '@cohort/errors';
import { ApiParam } from '@nestjs/swagger';

import { validationSchemaOf } from '../../openapi/validation-schema';
import { AppConfig } from '../../tenancy/app-config';
import type { AppsRegistry, RegisteredApp } from '../../tenancy/apps.registry';

/** The path parameters every Easemob route starts with: `/{org_name}/{app_name}/...`. */
export interface EasemobAppPath {
  org: string;
  app: string;
}

/** The app an Easemob path names; none → 404 (in the Easemob envelope). */
export function appOfPath(apps: AppsRegistry, { org, app }: EasemobAppPath): RegisteredApp {
  const found = apps.findByOrgApp(org, app);
  if (!found) throw new DomainError('not_found', `application ${org}/${app} not found`);
  return found;
}

/** What an app's names may be (a name no app can have is simply not found: 404). */
const APP_NAMES = validationSchemaOf(AppConfig).properties;

/** The API reference of `{org}` and `{app}`, made for each controller (Swagger keeps decorators' state). */
export const easemobAppParams = (): (ClassDecorator & MethodDecorator)[] => [
  ApiParam({ name: 'org', description: "The app's org_name", schema: APP_NAMES.orgName, example: 'demo' }),
  ApiParam({ name: 'app', description: "The app's app_name", schema: APP_NAMES.appName, example: 'demo' }),
];
