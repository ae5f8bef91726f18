import { invalidParameter } from '@cohort/errors';

/** No validator, copy or log of the body then recurses that deep; iterative, so the check itself cannot overflow. */
export function assertJsonDepth(body: unknown, maxDepth: number): void {
  if (body === null || typeof body !== 'object') return;
  const stack: { value: object; depth: number; field: string }[] = [];
  for (const [key, value] of Object.entries(body)) {
    if (value !== null && typeof value === 'object')
      stack.push({ value, depth: 2, field: Array.isArray(body) ? 'body' : key });
  }
  while (stack.length > 0) {
    const { value, depth, field } = stack.pop()!;
    if (depth > maxDepth) throw invalidParameter(field, `is nested deeper than ${maxDepth} levels`);
    for (const child of Object.values(value)) {
      if (child !== null && typeof child === 'object') stack.push({ value: child, depth: depth + 1, field });
    }
  }
}
