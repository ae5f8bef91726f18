import { Module } from '@nestjs/common';

import { TokenRevocationController } from './token-revocation.controller';

@Module({ controllers: [TokenRevocationController] })
export class AdminAuthModule {}
