import { getMetadataStorage, IsInt, IsOptional, IsString, MaxLength } from 'class-validator';

import { validateInput } from './validate';

class Sample {
  @IsString() @MaxLength(3) name!: string;
  @IsOptional() @IsInt() size?: number;
}

describe('validateInput', () => {
  it('returns a typed instance for valid input', () => {
    expect(validateInput(Sample, { name: 'abc', size: 2 })).toEqual(
      Object.assign(new Sample(), { name: 'abc', size: 2 }),
    );
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
    expect(() => validateInput(Sample, [1])).toThrow(
      expect.objectContaining({ message: 'body: must be a JSON object' }),
    );
  });
});

describe('validateInput with a class that has no fields', () => {
  class NoFields {}

  it('accepts {} and refuses any field', () => {
    expect(validateInput(NoFields, {})).toBeInstanceOf(NoFields);
    expect(() => validateInput(NoFields, { extra: 1 })).toThrow(/extra/);
  });
});

describe('validation rules looked up once per class', () => {
  class Base {
    @IsString() name!: string;
  }
  class Derived extends Base {
    @IsInt() size!: number;
  }

  it('keeps inherited rules, and validates the same on every call', () => {
    for (let i = 0; i < 3; i++) {
      expect(() => validateInput(Derived, { name: 1, size: 1 })).toThrow(
        expect.objectContaining({ message: 'name: must be a string' }),
      );
      expect(() => validateInput(Derived, { name: 'a', size: 'x' })).toThrow(
        expect.objectContaining({ message: 'size: must be an integer number' }),
      );
      expect(validateInput(Derived, { name: 'a', size: 1 })).toBeInstanceOf(Derived);
    }
  });

  it('scans the rules of a class once, not per validation', () => {
    const storage = getMetadataStorage();
    validateInput(Derived, { name: 'a', size: 1 });
    // class-validator's own store of every class's rules: an ancestor lookup iterates all of it.
    const { validationMetadatas } = storage as unknown as { validationMetadatas: Map<unknown, unknown> };
    const scans = jest.spyOn(validationMetadatas, 'entries');
    for (let i = 0; i < 5; i++) validateInput(Derived, { name: 'a', size: 1 });
    expect(scans).not.toHaveBeenCalled();
  });
});
