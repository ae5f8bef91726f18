import { type DomainError, invalidParameter } from '@cohort/errors';

import type { FieldNames } from './dialect';
import { routeMeta } from './route-meta';

/** `/group/info/name` sends `name` as `value`. */
export const RouteFields = (fields: FieldNames): ClassDecorator & MethodDecorator => routeMeta({ fields });

export const allSentAs = (name: string, domainFields: readonly string[]): FieldNames =>
  Object.fromEntries(domainFields.map((field) => [field, name]));

/** Fields the table does not know keep their name: the gateway's own validation already names the dialect's fields. */
export function inDialectFields(error: DomainError, names: FieldNames): DomainError {
  const field = error.details?.field;
  if (error.code !== 'invalid_parameter' || typeof field !== 'string') return error;
  const [head, ...below] = field.split('.');
  if (!Object.hasOwn(names, head)) return error;
  const rule = error.message.startsWith(`${field}: `) ? error.message.slice(field.length + 2) : error.message;
  return invalidParameter([names[head], ...below].join('.'), rule);
}
