import { withValidatedProperty, withValidation } from './with-validation';

describe('withValidatedProperty', () => {
  it("keeps the DTO's notes and takes the validator's constraints; integer narrows number", () => {
    expect(
      withValidatedProperty({ type: 'number', description: 'minutes' }, { type: 'integer', minimum: -1 }, 'x'),
    ).toEqual({
      type: 'integer',
      description: 'minutes',
      minimum: -1,
    });
  });

  it('adds the validated form to the forms a transform takes (anyOf), nullable on each', () => {
    const number = { type: 'integer', minimum: 0 };
    expect(
      withValidatedProperty(
        { type: 'string', anyOf: [number], description: 'id' },
        { type: 'string', pattern: '^[0-9]+$', nullable: true },
        'x',
      ),
    ).toEqual({
      description: 'id',
      anyOf: [
        { ...number, nullable: true },
        { type: 'string', pattern: '^[0-9]+$', nullable: true },
      ],
    });
  });

  it('merges array items the same way', () => {
    expect(
      withValidatedProperty(
        { type: 'array', items: { anyOf: [{ type: 'integer' }] } },
        { type: 'array', maxItems: 2, items: { type: 'string' } },
        'x',
      ),
    ).toEqual({
      type: 'array',
      maxItems: 2,
      items: { anyOf: [{ type: 'integer' }, { type: 'string' }] },
    });
  });

  it('refuses a type the validator would refuse', () => {
    expect(() => withValidatedProperty({ type: 'integer' }, { type: 'string' }, 'Dto.id')).toThrow(
      'Dto.id: documented as integer but validated as string',
    );
  });
});

describe('withValidation', () => {
  it('documents every validated property, required as validated', () => {
    const documented = { type: 'object', properties: { a: { type: 'string', description: 'A' } }, required: ['a'] };
    expect(
      withValidation(
        documented,
        {
          properties: { a: { type: 'string', maxLength: 3, nullable: true }, b: { type: 'boolean' } },
          required: ['b'],
        },
        'Dto',
      ),
    ).toEqual({
      type: 'object',
      properties: { a: { type: 'string', description: 'A', maxLength: 3, nullable: true }, b: { type: 'boolean' } },
      required: ['b'],
    });
  });

  it('refuses a documented property the validation pipe would strip', () => {
    expect(() =>
      withValidation({ properties: { ghost: { type: 'string' } } }, { properties: {}, required: [] }, 'Dto'),
    ).toThrow('Dto: ghost documented but not validated (the pipe strips them)');
  });
});
