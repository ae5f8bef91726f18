import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@cohort/errors';
import { AppsRegistry } from '../tenancy/apps.registry';
import { EasemobTokenRequest, TokenRequest } from './token.dto';
import { TokenService, type IssuedToken } from './token.service';

@ApiTags('auth')
@Controller()
export class TokenController {
  constructor(
    private readonly tokens: TokenService,
    private readonly apps: AppsRegistry,
  ) {}

  @Post('token')
  @HttpCode(200)
  @ApiOperation({ summary: 'App-admin token from client credentials; add user_id for a user token' })
  token(@Body() body: TokenRequest): IssuedToken {
    const { access_token, token_type, expires_in } = this.tokens.issue(body.client_id, body.client_secret, body.user_id);
    return { access_token, token_type, expires_in };
  }

  @Post(':org/:app/token')
  @HttpCode(200)
  @ApiTags('easemob')
  @ApiOperation({ summary: 'Easemob-style app token (grant_type client_credentials)' })
  easemobToken(@Param('org') org: string, @Param('app') appName: string, @Body() body: EasemobTokenRequest) {
    const app = this.apps.findByOrgApp(org, appName);
    if (!app) throw new DomainError('not_found', `application ${org}/${appName} not found`);
    const issued = this.tokens.issue(body.client_id, body.client_secret);
    if (issued.app.appId !== app.appId) throw new DomainError('unauthorized', 'client credentials belong to another app');
    return { access_token: issued.access_token, expires_in: issued.expires_in, application: app.applicationUuid };
  }
}
