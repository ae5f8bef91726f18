import { type ClassConstructor, plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

import { invalidParameter } from './domain-error';
import { lookUpValidationRulesOnce } from './validation-rules-once';

lookUpValidationRulesOnce();

function firstFailure(errors: ValidationError[], parent = ''): { field: string; rule: string } | null {
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const messages = Object.values(error.constraints ?? {});
    if (messages.length > 0) {
      // Decorators run bottom-up, so the last message is the top-most rule (the type check).
      return { field, rule: messages[messages.length - 1] };
    }
    const nested = firstFailure(error.children ?? [], field);
    if (nested) return nested;
  }
  return null;
}

/** Unknown fields are rejected on the bus, stripped over HTTP (vendor clients send fields we do not use). */
export function validateInput<T extends object>(
  cls: ClassConstructor<T>,
  input: unknown,
  label = '',
  options: { stripUnknown?: boolean } = {},
): T {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw invalidParameter(label || 'body', 'must be a JSON object');
  }
  const instance = plainToInstance(cls, input);
  // forbidUnknownValues off: a command without fields (health) is a class with no metadata, not an unknown value.
  const errors = validateSync(instance, {
    whitelist: true,
    forbidNonWhitelisted: !options.stripUnknown,
    forbidUnknownValues: false,
  });
  const failure = firstFailure(errors);
  if (failure) {
    // class-validator messages start with the property name; keep the rule text only once.
    const rule = failure.rule.startsWith(failure.field.split('.').pop() ?? '')
      ? failure.rule.slice((failure.field.split('.').pop() ?? '').length).trim()
      : failure.rule;
    throw invalidParameter(label ? `${label}.${failure.field}` : failure.field, rule);
  }
  return instance;
}
