import type { DomainError } from '@cohort/errors';
import type { CanActivate, NestInterceptor, Type } from '@nestjs/common';
import type { HeaderObject, ReferenceObject, SchemaObject } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';

export interface RenderedError {
  status: number;
  body: unknown;
}

/** Domain field (what services name: `memberIds`) → the name a dialect's clients use (`user_list`). */
export type FieldNames = Readonly<Record<string, string>>;

/** How a dialect's answers look in the OpenAPI document. */
export interface DialectResponseDocs {
  /** The body of every error the dialect renders: a component of the document named `name`. */
  readonly error: { readonly name: string; readonly schema: SchemaObject };
  /**
   * The 200 answer of an operation whose handler returns `data` (its `@ApiOkResponse`), given a
   * reference to the error body; absent: the handler's answer is the body.
   */
  success?(
    data: SchemaObject | ReferenceObject,
    error: ReferenceObject,
  ): { description: string; schema: SchemaObject; headers?: Record<string, HeaderObject> };
}

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
  /**
   * What the API reference says about every route of the dialect (its calling convention), made
   * for each controller: Swagger's ApiSecurity keeps what it added in its closure, so one instance
   * shared by several controllers would repeat the requirements of the first on the next.
   */
  apiDocs?(): ClassDecorator[];
  /** Its success and error bodies in the API reference. */
  readonly responseDocs: DialectResponseDocs;
}
