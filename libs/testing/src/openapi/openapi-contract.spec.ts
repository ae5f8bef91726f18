import { type Answer, OpenApiContract } from './openapi-contract';
import type { OpenApiDocument, Schema } from './openapi-types';

const json = (schema: Schema) => ({ description: '', content: { 'application/json': { schema } } });

const document: OpenApiDocument = {
  openapi: '3.0.0',
  paths: {
    '/things/batch': {
      post: { responses: { '200': json({ type: 'array', items: { $ref: '#/components/schemas/Thing' } }) } },
    },
    '/things/{field}': {
      post: {
        parameters: [{ name: 'field', in: 'path', schema: { type: 'string', enum: ['name'] } }],
        responses: { '200': json({ type: 'boolean' }), '4XX': json({ $ref: '#/components/schemas/Error' }) },
      },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        required: ['name', 'note'],
        properties: {
          name: { type: 'string' },
          note: { type: 'string', nullable: true },
          id: { type: 'integer', format: 'int64' },
        },
      },
      Error: { type: 'object', required: ['error'], properties: { error: { type: 'string' } } },
    },
  },
};

describe('OpenApiContract', () => {
  const contract = new OpenApiContract(document);
  const answer = (
    method: string,
    path: string,
    status: number,
    body: unknown,
    contentType = 'application/json; charset=utf-8',
  ): Answer => ({
    method,
    url: `http://127.0.0.1:1${path}`,
    status,
    contentType,
    text: typeof body === 'string' ? body : JSON.stringify(body),
  });

  it('accepts an answer the document describes: a literal path before a template, $refs resolved, nullable honoured', () => {
    expect(() =>
      contract.check(answer('POST', '/things/batch', 200, [{ name: 'a', note: null, id: 3 }])),
    ).not.toThrow();
    expect(() => contract.check(answer('POST', '/things/name?x=1', 200, true))).not.toThrow();
    expect(() => contract.check(answer('POST', '/things/name', 404, { error: 'not_found' }))).not.toThrow();
  });

  it('refuses a body that does not match, an undocumented status or content type', () => {
    expect(() => contract.check(answer('POST', '/things/batch', 200, [{ name: 1, note: null }]))).toThrow(
      /POST \/things\/batch → 200 \(POST \/things\/batch\): the body does not match the document: .*name must be string/,
    );
    expect(() => contract.check(answer('POST', '/things/batch', 200, [{ name: 'a', note: null, id: 1.5 }]))).toThrow(
      /must match format "int64"/,
    );
    expect(() => contract.check(answer('POST', '/things/batch', 500, { error: 'x' }))).toThrow(
      'POST /things/batch → 500 (POST /things/batch): undocumented status',
    );
    expect(() => contract.check(answer('POST', '/things/name', 200, 'true', 'text/plain'))).toThrow(
      /content type "text\/plain" is not one of application\/json/,
    );
    expect(() => contract.check(answer('POST', '/things/name', 200, 'not json'))).toThrow(/the body is not JSON/);
  });

  it('lets a path no operation matches pass only as unknown (404, or 400)', () => {
    // `other` is outside the enum of {field}: no operation
    expect(() => contract.check(answer('POST', '/things/other', 404, { anything: 1 }))).not.toThrow();
    expect(() => contract.check(answer('GET', '/things/batch', 400, 'x'))).not.toThrow();
    expect(() => contract.check(answer('POST', '/things/other', 200, true))).toThrow(
      'POST /things/other → 200: no operation of the document matches, yet the server answered it',
    );
  });
});
