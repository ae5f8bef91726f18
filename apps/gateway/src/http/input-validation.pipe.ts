import { validateInput } from '@cohort/errors';
import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';

const PRIMITIVES = new Set<unknown>([String, Number, Boolean, Array, Object]);

/** Whether a body or query typed `metatype` is validated: a class of ours, not a primitive. */
export const isValidatedType = (metatype: unknown): metatype is new () => object =>
  typeof metatype === 'function' && !PRIMITIVES.has(metatype);

/**
 * Global pipe: a body or query typed with a DTO class is validated with the same rules and the
 * same error shape as on the bus (`invalid_parameter`, field named). Unknown fields are stripped.
 */
@Injectable()
export class InputValidationPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const { metatype, type } = metadata;
    if ((type !== 'body' && type !== 'query') || !isValidatedType(metatype)) return value;
    return validateInput(metatype, value ?? {}, '', { stripUnknown: true });
  }
}
