import { matching, oneOf } from './path-constraint';

describe('path constraints', () => {
  it('writes Fastify regex parameters', () => {
    expect(oneOf('field', ['name', 'ext'])).toBe(':field(^name$|^ext$)');
    expect(matching('id', /^[0-9]{1,19}$/)).toBe(':id(^[0-9]{1,19}$)');
  });

  it('refuses a pattern the router or the API reference would read otherwise', () => {
    for (const pattern of [/[0-9]+$/, /^[0-9]+/, /^[a-z]+$/i, /^(a|b)$/])
      expect(() => matching('id', pattern)).toThrow();
  });
});
