import { validateInput } from '@cohort/errors';
import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';

const PRIMITIVES = new Set<unknown>([String, Number, Boolean, Array, Object]);

export const isValidatedType = (metatype: unknown): metatype is new () => object =>
  typeof metatype === 'function' && !PRIMITIVES.has(metatype);

/** The same rules and error shape as on the bus; unknown fields are stripped. */
@Injectable()
export class InputValidationPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const { metatype, type } = metadata;
    if ((type !== 'body' && type !== 'query') || !isValidatedType(metatype)) return value;
    return validateInput(metatype, value ?? {}, '', { stripUnknown: true });
  }
}
