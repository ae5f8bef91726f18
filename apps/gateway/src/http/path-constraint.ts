/** A Fastify route constraint: anything else is an unknown endpoint (404) before auth or body checks. */
export const oneOf = (param: string, values: readonly string[]): string =>
  `:${param}(${values.map((v) => `^${v}$`).join('|')})`;

/** Anchored, without flags or parentheses: the API reference drops `(^...)` from the path. */
export function matching(param: string, pattern: RegExp): string {
  const { source, flags } = pattern;
  if (flags || !source.startsWith('^') || !source.endsWith('$') || /[()]/.test(source)) {
    throw new Error(`matching(${param}): ${String(pattern)} must be anchored, without flags or parentheses`);
  }
  return `:${param}(${source})`;
}
