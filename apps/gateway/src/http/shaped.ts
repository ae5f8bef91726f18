import type { SchemaObject } from '@nestjs/swagger';
import { registerDecorator } from 'class-validator';

/** `schema` is what the API reference states: the OpenAPI builder reads it from the rule. */
export function Shaped(
  schema: SchemaObject,
  check: (value: unknown) => boolean,
  description: string,
): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'shaped',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [schema],
      validator: { validate: check, defaultMessage: () => `$property must be ${description}` },
    });
}
