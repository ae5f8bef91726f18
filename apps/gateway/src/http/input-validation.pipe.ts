import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { validateInput } from '@cohort/errors';

const PRIMITIVES = new Set<unknown>([String, Number, Boolean, Array, Object]);

/**
 * Global pipe: a body or query typed with a DTO class is validated with the same rules and the
 * same error shape as on the bus (`invalid_parameter`, field named). Unknown fields are stripped.
 */
@Injectable()
export class InputValidationPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const { metatype, type } = metadata;
    if ((type !== 'body' && type !== 'query') || !metatype || PRIMITIVES.has(metatype)) return value;
    return validateInput(metatype as new () => object, value ?? {}, '', { stripUnknown: true });
  }
}
