import type { SchemaObject } from '@nestjs/swagger';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

export type DtoClass = new () => object;

export interface ValidatedObject {
  properties: Record<string, SchemaObject>;
  required: string[];
}

const typeOfValues = (values: unknown[]): SchemaObject => {
  if (values.every((v) => Number.isInteger(v))) return { type: 'integer' };
  if (values.every((v) => typeof v === 'number')) return { type: 'number' };
  if (values.every((v) => typeof v === 'string')) return { type: 'string' };
  return {};
};

const patternOf = (pattern: unknown, modifiers: unknown, where: string): string => {
  const flags = pattern instanceof RegExp ? pattern.flags : modifiers;
  // An OpenAPI pattern has no flags: a case-insensitive rule could not be told to clients.
  if (flags) throw new Error(`${where}: @Matches with flags "${String(flags)}" has no OpenAPI form`);
  return pattern instanceof RegExp ? pattern.source : String(pattern);
};

/** A rule missing here fails the document's build rather than leave a constraint undocumented. */
const RULES: Record<string, (constraints: unknown[], where: string) => SchemaObject> = {
  isString: () => ({ type: 'string' }),
  isBoolean: () => ({ type: 'boolean' }),
  isInt: () => ({ type: 'integer' }),
  isArray: () => ({ type: 'array' }),
  isIn: ([values]) => ({ ...typeOfValues(values as unknown[]), enum: values as unknown[] }),
  matches: ([pattern, modifiers], where) => ({ type: 'string', pattern: patternOf(pattern, modifiers, where) }),
  minLength: ([min]) => ({ type: 'string', minLength: min as number }),
  maxLength: ([max]) => ({ type: 'string', maxLength: max as number }),
  min: ([min]) => ({ type: 'number', minimum: min as number }),
  max: ([max]) => ({ type: 'number', maximum: max as number }),
  arrayMinSize: ([min]) => ({ type: 'array', minItems: min as number }),
  arrayMaxSize: ([max]) => ({ type: 'array', maxItems: max as number }),
  isStringRecord: ([min, max]) => ({
    type: 'object',
    additionalProperties: { type: 'string' },
    minProperties: min as number,
    maxProperties: max as number,
  }),
  // A Mixin session key (dialects/mixin/session-key.ts): 32 bytes in base64; the point checks have no schema form.
  isSafeEd25519PublicKey: () => ({ type: 'string', pattern: '^[A-Za-z0-9+/_-]{43}=?$' }),
  // @Shaped (http/shaped.ts) carries the schema of what it accepts.
  shaped: ([schema]) => schema as SchemaObject,
};

/** Any disagreement but `integer` narrowing `number` is a bug in the DTO. */
function both(a: SchemaObject, b: SchemaObject, where: string): SchemaObject {
  const merged: SchemaObject = { ...a };
  for (const [key, value] of Object.entries(b) as [keyof SchemaObject, unknown][]) {
    const known = merged[key];
    if (key === 'type' && known !== undefined && known !== value) {
      const numeric = [known, value].sort().join(' ') === 'integer number';
      if (!numeric) throw new Error(`${where}: rules disagree on the type (${String(known)} and ${String(value)})`);
      merged.type = 'integer';
    } else if (known !== undefined && JSON.stringify(known) !== JSON.stringify(value)) {
      throw new Error(`${where}: two rules set ${key}`);
    } else {
      (merged as Record<string, unknown>)[key] = value;
    }
  }
  return merged;
}

function ruleSchema(meta: ValidationMetadata, where: string): SchemaObject {
  const rule = meta.name ? RULES[meta.name] : undefined;
  if (meta.type !== ValidationTypes.CUSTOM_VALIDATION || !rule) {
    throw new Error(`${where}: no OpenAPI form for the rule ${meta.name ?? meta.type}`);
  }
  return rule(meta.constraints ?? [], where);
}

const isOptionalRule = (meta: ValidationMetadata) =>
  meta.type === ValidationTypes.CONDITIONAL_VALIDATION && meta.name === 'isOptional';

/** @IsOptional also lets null through. */
function propertySchema(rules: ValidationMetadata[], optional: boolean, where: string): SchemaObject {
  let schema: SchemaObject = {};
  let items: SchemaObject | undefined;
  for (const meta of rules) {
    if (meta.each) items = both(items ?? {}, ruleSchema(meta, `${where}[]`), `${where}[]`);
    else schema = both(schema, ruleSchema(meta, where), where);
  }
  if (items) schema = both(schema, { type: 'array', items }, where);
  return optional && schema.type ? { ...schema, nullable: true } : schema;
}

/** A property is required unless it is @IsOptional or the class gives it a default value. */
export function validationSchemaOf(cls: DtoClass): ValidatedObject {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(cls, '', false, false);
  const defaults = new cls() as Record<string, unknown>;
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const meta of metadata) byProperty.set(meta.propertyName, [...(byProperty.get(meta.propertyName) ?? []), meta]);
  const properties: Record<string, SchemaObject> = {};
  const required: string[] = [];
  for (const [name, all] of byProperty) {
    const optional = all.some(isOptionalRule);
    properties[name] = propertySchema(
      all.filter((meta) => !isOptionalRule(meta)),
      optional,
      `${cls.name}.${name}`,
    );
    if (!optional && defaults[name] === undefined) required.push(name);
  }
  return { properties, required };
}
