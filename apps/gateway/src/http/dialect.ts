import type { CanActivate, NestInterceptor, Type } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { DomainError } from '@cohort/errors';

export interface RenderedError {
  status: number;
  body: unknown;
}

/** Domain field (what services name: `memberIds`) → the name a dialect's clients use (`user_list`). */
export type FieldNames = Readonly<Record<string, string>>;

/**
 * Everything that makes an HTTP dialect, declared once per dialect and attached to its controllers
 * with `@Dialect(...)`. Nothing else in the gateway knows which dialect a request speaks.
 */
export interface HttpDialect {
  readonly name: string;
  /** Every canonical error (code, then details) as this dialect's status and body. */
  renderError(error: DomainError, request: FastifyRequest): RenderedError;
  /** How this dialect names the domain fields an error may name; routes may add their own. */
  readonly fields: FieldNames;
  /**
   * Resolves the caller (token, app, act-as rules) and attaches it to the request. Absent: the
   * dialect's routes authenticate by other means (its token endpoint checks client credentials).
   */
  readonly auth?: Type<CanActivate>;
  /** Wraps every successful answer; absent: handlers answer the dialect's body themselves. */
  readonly envelope?: Type<NestInterceptor>;
  /** What the API reference says about every route of the dialect (its calling convention). */
  readonly apiDocs?: readonly ClassDecorator[];
}
