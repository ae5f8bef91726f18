import { Module } from '@nestjs/common';
import { EasemobTokenController } from './easemob-token.controller';

/** The `/{org_name}/{app_name}/...` dialect (group member mute, chatrooms). Its errors: easemob-errors.ts. */
@Module({ controllers: [EasemobTokenController] })
export class EasemobDialectModule {}
