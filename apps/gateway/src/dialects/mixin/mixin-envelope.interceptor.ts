import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { ReferenceObject, SchemaObject } from '@nestjs/swagger';
import { map, type Observable } from 'rxjs';

/** Mixin's success envelope: HTTP 200 `{data}`. */
@Injectable()
export class MixinEnvelopeInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<{ data: unknown }> {
    return next.handle().pipe(map((data: unknown) => ({ data: data ?? null })));
  }
}

/** The success envelope of an operation answering `data`, for the API reference. */
export const mixinSuccessSchema = (data: SchemaObject | ReferenceObject): SchemaObject => ({
  type: 'object',
  required: ['data'],
  additionalProperties: false,
  properties: { data },
});
