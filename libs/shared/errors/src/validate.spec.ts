import { IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import { DomainError, invalidParameter, renameInvalidField } from './domain-error';
import { validateInput } from './validate';

class Sample {
  @IsString() @MaxLength(3) name!: string;
  @IsOptional() @IsInt() size?: number;
}

describe('validateInput', () => {
  it('returns a typed instance for valid input', () => {
    expect(validateInput(Sample, { name: 'abc', size: 2 })).toEqual(Object.assign(new Sample(), { name: 'abc', size: 2 }));
  });

  it('names the field and reports the type rule before the length rule', () => {
    expect(() => validateInput(Sample, { name: 5 })).toThrow(
      expect.objectContaining({ code: 'invalid_parameter', message: 'name: must be a string' }),
    );
    expect(() => validateInput(Sample, { name: 'abcd' })).toThrow(
      expect.objectContaining({ message: 'name: must be shorter than or equal to 3 characters' }),
    );
  });

  it('rejects unknown fields on the bus and strips them over HTTP', () => {
    expect(() => validateInput(Sample, { name: 'a', extra: 1 })).toThrow(
      expect.objectContaining({ message: 'extra: property extra should not exist' }),
    );
    expect(validateInput(Sample, { name: 'a', extra: 1 }, '', { stripUnknown: true })).not.toHaveProperty('extra');
  });

  it('refuses a body that is not an object', () => {
    expect(() => validateInput(Sample, [1])).toThrow(expect.objectContaining({ message: 'body: must be a JSON object' }));
  });
});

describe('renameInvalidField', () => {
  it('renames the field of an invalid_parameter error and leaves other errors alone', () => {
    const renamed = renameInvalidField(invalidParameter('name', 'must be at most 128 characters'), 'name', 'value');
    expect(renamed).toMatchObject({ code: 'invalid_parameter', message: 'value: must be at most 128 characters', details: { field: 'value' } });
    const other = new DomainError('forbidden', 'no');
    expect(renameInvalidField(other, 'name', 'value')).toBe(other);
    const otherField = invalidParameter('groupId', 'bad');
    expect(renameInvalidField(otherField, 'name', 'value')).toBe(otherField);
  });
});

describe('validateInput with a class that has no fields', () => {
  class NoFields {}

  it('accepts {} and refuses any field', () => {
    expect(validateInput(NoFields, {})).toBeInstanceOf(NoFields);
    expect(() => validateInput(NoFields, { extra: 1 })).toThrow(/extra/);
  });
});
