import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@cohort/errors';
import { EasemobTokenRequest } from '../../auth/token.dto';
import { TokenService } from '../../auth/token.service';
import { Dialect } from '../../http/dialect.decorator';
import { AppsRegistry } from '../../tenancy/apps.registry';
import { easemobDialect } from './easemob-dialect';

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
  easemobToken(@Param('org') org: string, @Param('app') appName: string, @Body() body: EasemobTokenRequest) {
    const app = this.apps.findByOrgApp(org, appName);
    if (!app) throw new DomainError('not_found', `application ${org}/${appName} not found`);
    const issued = this.tokens.issue(body.client_id, body.client_secret);
    if (issued.app.appId !== app.appId) throw new DomainError('unauthorized', 'client credentials belong to another app');
    return { access_token: issued.access_token, expires_in: issued.expires_in, application: app.applicationUuid };
  }
}
