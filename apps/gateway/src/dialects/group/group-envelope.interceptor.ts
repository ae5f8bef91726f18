import type { Page } from '@cohort/contracts';
import {
  applyDecorators,
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  type Type,
} from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, getSchemaPath, type ReferenceObject, type SchemaObject } from '@nestjs/swagger';
import { map, type Observable } from 'rxjs';

export class GroupPage<T> {
  constructor(
    readonly items: T[],
    readonly cursor: string,
    readonly total: number,
  ) {}

  static of<V, T>(page: Page<V>, present: (item: V) => T): GroupPage<T> {
    return new GroupPage(page.items.map(present), page.cursor ?? '', page.total);
  }
}

/** Marks a paged answer's `data`, so that the API reference's envelope lists what a `GroupPage` adds; removed as read. */
const PAGED = 'x-group-page';

export function ApiGroupPage(item: Type): MethodDecorator {
  const data: SchemaObject = { type: 'array', items: { $ref: getSchemaPath(item) } };
  return applyDecorators(ApiExtraModels(item), ApiOkResponse({ schema: { ...data, [PAGED]: true } as SchemaObject }));
}

@Injectable()
export class GroupEnvelopeInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next
      .handle()
      .pipe(
        map((data: unknown) =>
          data instanceof GroupPage
            ? { code: 200, message: null, data: data.items, cursor: data.cursor, total: data.total, version: 0 }
            : { code: 200, message: null, data: data ?? null },
        ),
      );
  }
}

const PAGE_PROPERTIES: Record<string, SchemaObject> = {
  cursor: { type: 'string', description: 'the position of the next page; empty on the last page' },
  total: { type: 'integer', description: 'the size of the whole list' },
  version: { type: 'integer', enum: [0] },
};

export function groupSuccessSchema(data: SchemaObject | ReferenceObject): SchemaObject {
  const { [PAGED]: paged, ...unmarked } = data as SchemaObject & { [PAGED]?: true };
  return {
    type: 'object',
    required: ['code', 'message', 'data', ...(paged ? Object.keys(PAGE_PROPERTIES) : [])],
    additionalProperties: false,
    properties: {
      code: { type: 'integer', enum: [200] },
      message: { type: 'string', nullable: true, enum: [null] },
      data: unmarked,
      ...(paged ? PAGE_PROPERTIES : {}),
    },
  };
}
