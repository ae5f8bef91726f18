import { Module } from '@nestjs/common';

import { TokenRevocationController } from './token-revocation.controller';

/** The admin API of tokens (`/admin/v1/users/{id}/revoke-tokens`, `/admin/v1/tokens/revoke`). */
@Module({ controllers: [TokenRevocationController] })
export class AdminAuthModule {}
