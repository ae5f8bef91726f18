import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';

import { Dialect } from '../http/dialect.decorator';
import { plainDialect } from '../http/plain-dialect';
import { IssuedToken, TokenRequest } from './token.dto';
import { TokenService } from './token.service';

@ApiTags('auth')
@Controller()
@Dialect(plainDialect)
export class TokenController {
  constructor(private readonly tokens: TokenService) {}

  @Post('token')
  @HttpCode(200)
  @ApiOperation({ summary: 'App-admin token from client credentials; add user_id for a user token' })
  @ApiOkResponse({ type: IssuedToken })
  @ApiBadRequestResponse({ description: 'An invalid parameter, or a body that is not JSON' })
  @ApiUnauthorizedResponse({ description: 'Unknown client_id or wrong client_secret' })
  @ApiTooManyRequestsResponse({
    description: 'Too many failed logins from this address or for this client id: retry after `Retry-After` seconds',
  })
  token(@Body() body: TokenRequest, @Ip() address: string): IssuedToken {
    const { access_token, token_type, expires_in } = this.tokens.issue(
      { clientId: body.client_id, clientSecret: body.client_secret, address },
      body.user_id,
    );
    return { access_token, token_type, expires_in };
  }
}
