import type { OperationObject, ParameterObject, ReferenceObject, ResponseObject } from '@nestjs/swagger';

import type { DialectResponseDocs } from '../http/dialect';

const JSON_TYPE = 'application/json';
/** Fastify ignores a GET's body. */
const BODY_METHODS = new Set(['post', 'put', 'patch', 'delete']);

const isResponse = (response: ResponseObject | ReferenceObject): response is ResponseObject => !('$ref' in response);
const isConstrainedPath = (parameter: ParameterObject | ReferenceObject) =>
  'in' in parameter &&
  parameter.in === 'path' &&
  parameter.schema !== undefined &&
  ('enum' in parameter.schema || 'pattern' in parameter.schema);

/** Two answers come from the edge: 400 for a body that is not JSON, parsed before any route runs, and 404 for a path value outside its enum or pattern. */
export function answerInDialect(
  operation: OperationObject,
  method: string,
  docs: DialectResponseDocs,
  error: ReferenceObject,
): void {
  const where = `${method.toUpperCase()} ${operation.operationId ?? ''}`;
  const responses = operation.responses;
  const ok = responses['200'];
  const data = ok && isResponse(ok) ? ok.content?.[JSON_TYPE]?.schema : undefined;
  if (!ok || !isResponse(ok) || !data) throw new Error(`${where}: declares no 200 answer (@ApiOkResponse)`);
  if (docs.success) {
    const { description, schema, headers } = docs.success(data, error);
    ok.description = description;
    ok.content = { [JSON_TYPE]: { schema } };
    if (headers) ok.headers = { ...ok.headers, ...headers };
  }
  if (BODY_METHODS.has(method))
    responses['400'] ??= { description: 'The body is not JSON, is too large, or has a malformed Content-Type' };
  if (operation.parameters?.some(isConstrainedPath))
    responses['404'] ??= { description: 'A path value outside its enum or pattern: no such endpoint' };
  for (const [status, response] of Object.entries(responses)) {
    if (Number(status) >= 400 && response && isResponse(response) && !response.content)
      response.content = { [JSON_TYPE]: { schema: error } };
  }
}
