import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';

/**
 * A field validated as a string that also takes an exact JSON number (a safe integer from
 * `minimum` on), turned into its decimal string before validation. The API reference lists the
 * number as a form of the field; the validated string form is added from the validation rules.
 * `each`: the same for every item of an array.
 */
export function SafeIntegerAsString(minimum: number, { each = false } = {}): PropertyDecorator {
  const asString = (value: unknown) => (typeof value === 'number' && Number.isSafeInteger(value) && value >= minimum ? String(value) : value);
  const number = { anyOf: [{ type: 'integer', format: 'int64', minimum, maximum: Number.MAX_SAFE_INTEGER }] };
  return applyDecorators(
    ApiProperty(each ? { type: 'array', items: number } : number),
    Transform(({ value }) => (!each ? asString(value) : Array.isArray(value) ? value.map(asString) : value)),
  );
}
