import { DomainError } from '@cohort/errors';
import { Body, Controller, HttpCode, Ip, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';

import { EasemobToken, EasemobTokenRequest } from '../../auth/token.dto';
import { TokenService } from '../../auth/token.service';
import { Dialect } from '../../http/dialect.decorator';
import { AppsRegistry } from '../../tenancy/apps.registry';
import { appOfPath } from './easemob-app';
import { easemobTokenDialect } from './easemob-dialect';

@ApiTags('easemob')
@Controller()
@Dialect(easemobTokenDialect)
export class EasemobTokenController {
  constructor(
    private readonly tokens: TokenService,
    private readonly apps: AppsRegistry,
  ) {}

  @Post(':org/:app/token')
  @HttpCode(200)
  @ApiOperation({ summary: 'Easemob-style app token (grant_type client_credentials)' })
  @ApiOkResponse({ type: EasemobToken })
  @ApiBadRequestResponse({ description: 'An invalid parameter, or a body that is not JSON' })
  @ApiUnauthorizedResponse({ description: "Wrong client credentials, or another app's" })
  @ApiNotFoundResponse({ description: 'No app of that org_name and app_name' })
  @ApiTooManyRequestsResponse({
    description: 'Too many failed logins from this address or for this client id: retry after `Retry-After` seconds',
  })
  easemobToken(
    @Param('org') org: string,
    @Param('app') appName: string,
    @Body() body: EasemobTokenRequest,
    @Ip() address: string,
  ): EasemobToken {
    const app = appOfPath(this.apps, { org, app: appName });
    const issued = this.tokens.issue({ clientId: body.client_id, clientSecret: body.client_secret, address });
    if (issued.app.appId !== app.appId)
      throw new DomainError('unauthorized', 'client credentials belong to another app');
    return { access_token: issued.access_token, expires_in: issued.expires_in, application: app.applicationUuid };
  }
}
