import { DomainError } from '@cohort/errors';
import { ApiParam } from '@nestjs/swagger';

import { validationSchemaOf } from '../../openapi/validation-schema';
import { AppConfig } from '../../tenancy/app-config';
import type { AppsRegistry, RegisteredApp } from '../../tenancy/apps.registry';

export interface EasemobAppPath {
  org: string;
  app: string;
}

export function appOfPath(apps: AppsRegistry, { org, app }: EasemobAppPath): RegisteredApp {
  const found = apps.findByOrgApp(org, app);
  if (!found) throw new DomainError('not_found', `application ${org}/${app} not found`);
  return found;
}

/** A name no app can have is simply not found: 404. */
const APP_NAMES = validationSchemaOf(AppConfig).properties;

/** Made for each controller: Swagger keeps decorators' state. */
export const easemobAppParams = (): (ClassDecorator & MethodDecorator)[] => [
  ApiParam({ name: 'org', description: "The app's org_name", schema: APP_NAMES.orgName, example: 'demo' }),
  ApiParam({ name: 'app', description: "The app's app_name", schema: APP_NAMES.appName, example: 'demo' }),
];
