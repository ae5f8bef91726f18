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

export interface DialectResponseDocs {
  readonly error: { readonly name: string; readonly schema: SchemaObject };
  /** Absent: the handler's answer is the body. */
  success?(
    data: SchemaObject | ReferenceObject,
    error: ReferenceObject,
  ): { description: string; schema: SchemaObject; headers?: Record<string, HeaderObject> };
}

/** Nothing else in the gateway knows which dialect a request speaks. */
export interface HttpDialect {
  readonly name: string;
  renderError(error: DomainError, request: FastifyRequest): RenderedError;
  /** Routes may add their own. */
  readonly fields: FieldNames;
  /** Absent: the dialect's routes authenticate by other means (its token endpoint checks client credentials). */
  readonly auth?: Type<CanActivate>;
  readonly envelope?: Type<NestInterceptor>;
  /** Made for each controller: Swagger's ApiSecurity keeps state in its closure, so a shared instance repeats the first's requirements. */
  apiDocs?(): ClassDecorator[];
  readonly responseDocs: DialectResponseDocs;
}
