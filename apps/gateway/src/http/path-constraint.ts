/**
 * A path parameter that matches only these values (a Fastify route constraint): anything else is
 * an unknown endpoint (404) before auth or body checks. `oneOf('field', ['name', 'ext'])`.
 */
export const oneOf = (param: string, values: readonly string[]): string => `:${param}(${values.map((v) => `^${v}$`).join('|')})`;
