import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { DomainError } from '@cohort/errors';
import { EasemobToken, EasemobTokenRequest } from '../../auth/token.dto';
import { TokenService } from '../../auth/token.service';
import { Dialect } from '../../http/dialect.decorator';
import { validationSchemaOf } from '../../openapi/validation-schema';
import { AppConfig } from '../../tenancy/app-config';
import { AppsRegistry } from '../../tenancy/apps.registry';
import { easemobDialect } from './easemob-dialect';

/** What an app's names may be (a name no app can have is simply not found: 404). */
const APP_NAMES = validationSchemaOf(AppConfig).properties;

/** `POST /{org_name}/{app_name}/token`: the Easemob app token (client credentials). */
@ApiTags('easemob')
@Controller()
@Dialect(easemobDialect)
export class EasemobTokenController {
  constructor(
    private readonly tokens: TokenService,
    private readonly apps: AppsRegistry,
  ) {}

  @Post(':org/:app/token')
  @HttpCode(200)
  @ApiOperation({ summary: 'Easemob-style app token (grant_type client_credentials)' })
  @ApiParam({ name: 'org', description: "The app's org_name", schema: APP_NAMES.orgName, example: 'demo' })
  @ApiParam({ name: 'app', description: "The app's app_name", schema: APP_NAMES.appName, example: 'demo' })
  @ApiOkResponse({ type: EasemobToken })
  @ApiBadRequestResponse({ description: 'An invalid parameter, or a body that is not JSON' })
  @ApiUnauthorizedResponse({ description: "Wrong client credentials, or another app's" })
  @ApiNotFoundResponse({ description: 'No app of that org_name and app_name' })
  easemobToken(@Param('org') org: string, @Param('app') appName: string, @Body() body: EasemobTokenRequest): EasemobToken {
    const app = this.apps.findByOrgApp(org, appName);
    if (!app) throw new DomainError('not_found', `application ${org}/${appName} not found`);
    const issued = this.tokens.issue(body.client_id, body.client_secret);
    if (issued.app.appId !== app.appId) throw new DomainError('unauthorized', 'client credentials belong to another app');
    return { access_token: issued.access_token, expires_in: issued.expires_in, application: app.applicationUuid };
  }
}
