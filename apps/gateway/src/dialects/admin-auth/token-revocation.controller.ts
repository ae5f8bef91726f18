import { USER_ID_PATTERN } from '@cohort/contracts';
import { invalidParameter } from '@cohort/errors';
import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiTags } from '@nestjs/swagger';

import { TokenRevocations } from '../../auth/token-revocations';
import { busContext, type CohortRequest } from '../../http/cohort-request';
import { Dialect } from '../../http/dialect.decorator';
import { RateLimitFamily } from '../../http/rate-limit.guard';
import { adminAuthDialect } from './admin-auth-dialect';

/** The time (ms) before which the tokens it names are refused. */
export class Revoked {
  @ApiProperty({ type: 'integer', description: 'ms since epoch: tokens issued before are refused by every gateway' })
  not_before!: number;
}

/** A token issued afterwards works again: the user, or the app, logs in anew. */
@ApiTags('admin: tokens')
@Controller('admin/v1')
@Dialect(adminAuthDialect)
@RateLimitFamily('admin:tokens')
export class TokenRevocationController {
  constructor(private readonly revocations: TokenRevocations) {}

  @Post('users/:id/revoke-tokens')
  @HttpCode(200)
  @ApiOperation({
    summary: "Revoke every token issued to this user of the app until now (the user's sessions end; a new login works)",
  })
  @ApiParam({
    name: 'id',
    description: 'The user id (any dialect’s)',
    schema: { type: 'string', pattern: USER_ID_PATTERN.source },
  })
  @ApiOkResponse({ type: Revoked })
  async revokeUser(@Req() request: CohortRequest, @Param('id') userId: string): Promise<Revoked> {
    if (!USER_ID_PATTERN.test(userId)) throw invalidParameter('id', 'must be a user id');
    return { not_before: await this.revocations.revokeUser(busContext(request).caller.appId, userId) };
  }

  @Post('tokens/revoke')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Revoke every token the app issued until now, app tokens included (this one too): all of its clients log in anew',
  })
  @ApiOkResponse({ type: Revoked })
  async revokeApp(@Req() request: CohortRequest): Promise<Revoked> {
    return { not_before: await this.revocations.revokeApp(busContext(request).caller.appId) };
  }
}
