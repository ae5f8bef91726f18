import { registerDecorator } from 'class-validator';

function stringRecordProblem(value: unknown, min: number, max: number): string | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return 'must be an object of names to string values';
  const entries = Object.entries(value);
  if (entries.length < min) return `must contain at least ${min} ${min === 1 ? 'entry' : 'entries'}`;
  if (entries.length > max) return `may contain at most ${max} entries per call`;
  const wrong = entries.find(([, v]) => typeof v !== 'string');
  return wrong ? `must have string values (${wrong[0]} is not a string)` : null;
}

/** Names are free: rules about them, if any, are the service's. */
export function IsStringRecord(min: number, max: number): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isStringRecord',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [min, max],
      validator: {
        validate: (value: unknown) => stringRecordProblem(value, min, max) === null,
        defaultMessage: (args) => `$property ${stringRecordProblem(args?.value, min, max) ?? ''}`,
      },
    });
}
