import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { ReferenceObject, SchemaObject } from '@nestjs/swagger';
import { map, type Observable } from 'rxjs';

/** A paged list: the envelope adds `cursor` (empty when done), `total` and `version`. */
export class GroupPage<T> {
  constructor(
    readonly items: T[],
    readonly cursor: string,
    readonly total: number,
  ) {}
}

/** /group success envelope: `{code: 200, message: null, data}`. */
@Injectable()
export class GroupEnvelopeInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((data: unknown) =>
        data instanceof GroupPage
          ? { code: 200, message: null, data: data.items, cursor: data.cursor, total: data.total, version: 0 }
          : { code: 200, message: null, data: data ?? null },
      ),
    );
  }
}

/** The success envelope of an operation answering `data`, for the API reference. */
export const groupSuccessSchema = (data: SchemaObject | ReferenceObject): SchemaObject => ({
  type: 'object',
  required: ['code', 'message', 'data'],
  additionalProperties: false,
  properties: {
    code: { type: 'integer', enum: [200] },
    message: { type: 'string', nullable: true, enum: [null] },
    data,
  },
});
