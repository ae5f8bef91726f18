import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';

/**
 * A field validated as a string that also takes an exact JSON number (an integer from `minimum`
 * on; beyond 2^53 it arrives as a BigInt, int64-json.ts), turned into its decimal string before validation. The API reference lists the
 * number as a form of the field; the validated string form is added from the validation rules.
 * `each`: the same for every item of an array.
 */
export function SafeIntegerAsString(minimum: number, { each = false } = {}): PropertyDecorator {
  const asString = (value: unknown) =>
    (typeof value === 'number' && Number.isSafeInteger(value) && value >= minimum) ||
    (typeof value === 'bigint' && value >= BigInt(minimum))
      ? String(value)
      : value;
  const number = { anyOf: [{ type: 'integer', format: 'int64', minimum }] };
  return applyDecorators(
    ApiProperty(each ? { type: 'array', items: number } : number),
    Transform(({ value }) => (!each ? asString(value) : Array.isArray(value) ? value.map(asString) : value)),
  );
}
