import type { ReferenceObject, SchemaObject } from '@nestjs/swagger';

import type { ValidatedObject } from './validation-schema';

const isSchema = (value: SchemaObject | ReferenceObject | undefined): value is SchemaObject =>
  value !== undefined && !('$ref' in value);

function sameType(documented: SchemaObject, validated: SchemaObject, where: string): void {
  const [d, v] = [documented.type, validated.type];
  if (d === undefined || v === undefined || d === v || (d === 'number' && v === 'integer')) return;
  throw new Error(`${where}: documented as ${d} but validated as ${v}`);
}

/** An `anyOf` documented by the DTO lists the JSON forms a @Transform turns into the validated one (an id sent as a number). */
export function withValidatedProperty(
  documented: SchemaObject | ReferenceObject | undefined,
  validated: SchemaObject,
  where: string,
): SchemaObject {
  if (!isSchema(documented)) {
    if (documented) throw new Error(`${where}: a $ref property cannot take validation rules`);
    return validated;
  }
  if (documented.anyOf) {
    const notes: SchemaObject = { ...documented };
    // The alternatives carry the types.
    delete notes.type;
    const { nullable, ...form } = validated;
    return {
      ...notes,
      anyOf: [...documented.anyOf, form].map((alternative) => (nullable ? { ...alternative, nullable } : alternative)),
    };
  }
  sameType(documented, validated, where);
  const items = validated.items
    ? { items: withValidatedProperty(documented.items, validated.items as SchemaObject, `${where}[]`) }
    : {};
  return { ...documented, ...validated, ...items };
}

/** A documented property the validator does not know would be stripped from every request, so it is a bug. */
export function withValidation(documented: SchemaObject, validated: ValidatedObject, where: string): SchemaObject {
  const properties = documented.properties ?? {};
  const stripped = Object.keys(properties).filter((name) => !(name in validated.properties));
  if (stripped.length > 0)
    throw new Error(`${where}: ${stripped.join(', ')} documented but not validated (the pipe strips them)`);
  const rest: SchemaObject = { ...documented };
  delete rest.required;
  return {
    ...rest,
    type: 'object',
    properties: Object.fromEntries(
      Object.entries(validated.properties).map(([name, schema]) => [
        name,
        withValidatedProperty(properties[name], schema, `${where}.${name}`),
      ]),
    ),
    ...(validated.required.length > 0 ? { required: validated.required } : {}),
  };
}
