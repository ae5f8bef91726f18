import 'reflect-metadata';

import { IsStringRecord } from '@cohort/contracts';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

import { validationSchemaOf } from './validation-schema';

class Base {
  @Matches(/^[0-9]{1,19}$/) id!: string;
}

class Sample extends Base {
  @IsOptional() @IsString() @MaxLength(8) name?: string;
  @IsIn([0, 2]) kind!: number;
  @IsInt() @Min(-1) @Max(10) minutes!: number;
  @IsBoolean() flag!: boolean;
  @IsArray() @ArrayMaxSize(3) @Matches(/^[a-z]+$/, { each: true }) tags!: string[];
  @IsInt() @Min(1) limit: number = 20;
}

describe('validationSchemaOf', () => {
  it('states what every rule accepts, inherited rules included', () => {
    expect(validationSchemaOf(Sample)).toEqual({
      properties: {
        name: { type: 'string', maxLength: 8, nullable: true },
        kind: { type: 'integer', enum: [0, 2] },
        minutes: { type: 'integer', minimum: -1, maximum: 10 },
        flag: { type: 'boolean' },
        tags: { type: 'array', maxItems: 3, items: { type: 'string', pattern: '^[a-z]+$' } },
        limit: { type: 'integer', minimum: 1 },
        id: { type: 'string', pattern: '^[0-9]{1,19}$' },
      },
      // @IsOptional lets a property (and null) through; a default value does too
      required: ['kind', 'minutes', 'flag', 'tags', 'id'],
    });
  });

  it('states an object of string values with its size (IsStringRecord)', () => {
    class Attributes {
      @IsStringRecord(1, 10) values!: Record<string, string>;
    }
    expect(validationSchemaOf(Attributes)).toEqual({
      properties: {
        values: { type: 'object', additionalProperties: { type: 'string' }, minProperties: 1, maxProperties: 10 },
      },
      required: ['values'],
    });
  });

  it('refuses a rule it cannot state, rather than leave it out', () => {
    class Nested {
      @ValidateNested() inner!: object;
    }
    expect(() => validationSchemaOf(Nested)).toThrow('Nested.inner: no OpenAPI form for the rule nestedValidation');
  });

  it('refuses a pattern with flags and rules that disagree on the type', () => {
    class CaseInsensitive {
      @Matches(/^a$/i) name!: string;
    }
    class Contradiction {
      @IsBoolean() @MaxLength(3) value!: boolean;
    }
    expect(() => validationSchemaOf(CaseInsensitive)).toThrow(/flags "i"/);
    expect(() => validationSchemaOf(Contradiction)).toThrow(
      'Contradiction.value: rules disagree on the type (string and boolean)',
    );
  });
});
