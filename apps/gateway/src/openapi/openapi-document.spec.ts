import 'reflect-metadata';

import SwaggerParser from '@apidevtools/swagger-parser';
import { Limits, NUMERIC_ID_PATTERN } from '@cohort/contracts';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { OpenAPIObject, OperationObject, ParameterObject, ResponseObject } from '@nestjs/swagger';

import { AppModule } from '../app.module';
import { buildOpenApiDocument } from './openapi-document';

describe('the OpenAPI document', () => {
  let app: INestApplication;
  let document: OpenAPIObject;
  let operations: { name: string; method: string; path: string; operation: OperationObject }[];

  beforeAll(async () => {
    // No NATS needed: the bus connects on the first request only.
    app = await NestFactory.create(AppModule, new FastifyAdapter(), { logger: false });
    document = buildOpenApiDocument(app);
    operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({
        name: `${method.toUpperCase()} ${path}`,
        method,
        path,
        operation: operation as OperationObject,
      })),
    );
  });

  afterAll(() => app.close());

  const parameters = (operation: OperationObject) => (operation.parameters ?? []) as ParameterObject[];
  const responses = (operation: OperationObject) => operation.responses as Record<string, ResponseObject>;
  const schema = (name: string) => document.components?.schemas?.[name];

  it('is valid OpenAPI, one id per operation', async () => {
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
    const ids = operations.map((o) => o.operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('documents the POST twin of a PUT or DELETE route as the route itself', () => {
    for (const [path, method] of [
      ['/group/info/{field}', 'put'],
      ['/group/settings/{flag}', 'put'],
      ['/group/destroy', 'delete'],
    ] as const) {
      const [route, twin] = [document.paths[path][method], document.paths[path].post] as OperationObject[];
      expect(twin.operationId).toBe(`${route.operationId}ViaPost`);
      expect({ ...twin, operationId: undefined }).toEqual({ ...route, operationId: undefined });
    }
  });

  it('gives every answer a body: the 200 of each operation and each error status', () => {
    for (const { name, operation } of operations) {
      for (const [status, response] of Object.entries(responses(operation))) {
        expect({ name, status, content: Object.keys(response.content ?? {}) }).toEqual({
          name,
          status,
          content: ['application/json'],
        });
      }
      expect({ name, ok: '200' in responses(operation) }).toEqual({ name, ok: true });
    }
  });

  it('documents the 400 of a body that is not JSON wherever a body is parsed, and the 404 of a path value outside its enum', () => {
    for (const { name, operation } of operations.filter((o) => o.method !== 'get')) {
      expect({ name, statuses: Object.keys(responses(operation)) }).toEqual({
        name,
        statuses: expect.arrayContaining(['400']),
      });
    }
    for (const path of ['/group/info/{field}', '/group/settings/{flag}']) {
      for (const operation of Object.values(document.paths[path]) as OperationObject[]) {
        expect(parameters(operation).find((p) => p.in === 'path')?.schema).toMatchObject({ enum: expect.any(Array) });
        expect(responses(operation)['404'].content?.['application/json'].schema).toEqual({
          $ref: '#/components/schemas/GroupError',
        });
      }
    }
  });

  it('lists the /group calling convention on every /group operation', () => {
    for (const { name, operation } of operations.filter((o) => o.path.startsWith('/group/'))) {
      const params = parameters(operation).map((p) => `${p.in} ${p.name}${p.required ? ' (required)' : ''}`);
      // A route whose own argument is the query's `user_id` (send_check) lists that instead.
      const queryUserId = params.includes('query user_id (required)') ? 'query user_id (required)' : 'query user_id';
      expect({ name, params }).toEqual({
        name,
        params: expect.arrayContaining([
          'header app_id (required)',
          'header access-token',
          'header user_id',
          'header group_id',
          'query app_id',
          queryUserId,
        ]),
      });
      expect({ name, security: operation.security }).toEqual({
        name,
        security: [{ 'access-token': [] }, { bearer: [] }, { 'access-token-query': [] }],
      });
    }
  });

  it('answers /group with HTTP 200: the success envelope of the typed data, or the error envelope', () => {
    const ok = responses(document.paths['/group/info'].get as OperationObject)['200'].content?.['application/json']
      .schema;
    expect(ok).toMatchObject({
      oneOf: [
        { properties: { code: { enum: [200] }, data: { $ref: '#/components/schemas/GroupInfo' } } },
        { $ref: '#/components/schemas/GroupError' },
      ],
    });
    expect(schema('GroupError')).toMatchObject({
      properties: { code: { enum: [400, 401, 402, 403, 404, 409, 429, 500, 503, 504] } },
    });
  });

  it('describes the Easemob calling convention and envelope on every Easemob operation but the token', () => {
    const easemob = operations.filter((o) => o.path.startsWith('/{org}/{app}/') && !o.path.endsWith('/token'));
    expect(easemob.length).toBeGreaterThan(5);
    for (const { name, operation } of easemob) {
      const params = parameters(operation).map((p) => `${p.in} ${p.name}`);
      expect({ name, security: operation.security, params }).toEqual({
        name,
        security: [{ bearer: [] }],
        params: expect.arrayContaining(['path org', 'path app']),
      });
      expect({ name, statuses: Object.keys(responses(operation)) }).toEqual({
        name,
        statuses: expect.arrayContaining(['200', '401', '404', '429']),
      });
      expect(responses(operation)['200'].content?.['application/json'].schema).toMatchObject({
        required: [
          'action',
          'application',
          'applicationName',
          'organization',
          'uri',
          'entities',
          'data',
          'timestamp',
          'duration',
        ],
      });
      expect(responses(operation)['401'].content?.['application/json'].schema).toEqual({
        $ref: '#/components/schemas/EasemobError',
      });
    }
    const chatroomId = parameters(document.paths['/{org}/{app}/chatrooms/{id}/users'].get as OperationObject).find(
      (p) => p.name === 'id',
    );
    expect(chatroomId?.schema).toEqual({ type: 'string', pattern: NUMERIC_ID_PATTERN.source });
  });

  it('states the constraints of the validation rules', () => {
    expect(schema('CreateGroupBody')).toMatchObject({
      properties: {
        name: { type: 'string', maxLength: Limits.groupName, nullable: true },
        type: { type: 'integer', enum: [0, 2] },
        user_list: {
          type: 'array',
          maxItems: Limits.capacityCeiling - 1,
          items: { anyOf: [{ type: 'integer' }, { type: 'string', pattern: NUMERIC_ID_PATTERN.source }] },
        },
      },
    });
    expect(schema('CreateGroupBody')).not.toHaveProperty('required');
    expect(schema('BanAllBody')).toMatchObject({
      properties: { duration: { type: 'integer', minimum: -1, maximum: 52_560_000 } },
      required: ['group_id', 'duration'],
    });
    expect(schema('EasemobTokenRequest')).toMatchObject({
      properties: { grant_type: { enum: ['client_credentials'] }, client_id: { maxLength: 256 } },
    });
  });
});
