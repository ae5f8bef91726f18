import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';

/** Beyond 2^53 the number arrives as a BigInt (int64-json.ts); validated as its decimal string. */
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
