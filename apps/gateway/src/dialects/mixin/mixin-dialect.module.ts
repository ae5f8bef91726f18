import { Module } from '@nestjs/common';

/**
 * The `/conversations/...` dialect (Mixin Messenger): no route yet. Its controllers go here, each
 * with `@Dialect(mixinDialect)`; until then it renders unknown `/conversations` paths.
 */
@Module({})
export class MixinDialectModule {}
