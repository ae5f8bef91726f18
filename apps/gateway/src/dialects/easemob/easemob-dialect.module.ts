import { Module } from '@nestjs/common';
import { EasemobTokenController } from './easemob-token.controller';

/**
 * The `/{org_name}/{app_name}/...` dialect (group member mute, chatrooms). What makes it a dialect
 * is declared once in easemob-dialect.ts; each controller takes it with `@Dialect(easemobDialect)`.
 */
@Module({ controllers: [EasemobTokenController] })
export class EasemobDialectModule {}
