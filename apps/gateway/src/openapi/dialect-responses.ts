import type { OperationObject, ParameterObject, ReferenceObject, ResponseObject } from '@nestjs/swagger';

import type { DialectResponseDocs } from '../http/dialect';

const JSON_TYPE = 'application/json';
/** Methods whose body Fastify parses (it ignores a GET's): a body that is not JSON is refused. */
const BODY_METHODS = new Set(['post', 'put', 'patch', 'delete']);

const isResponse = (response: ResponseObject | ReferenceObject): response is ResponseObject => !('$ref' in response);
/** A path parameter the router constrains (`oneOf`, `matching`): documented with an enum or a pattern. */
const isConstrainedPath = (parameter: ParameterObject | ReferenceObject) =>
  'in' in parameter &&
  parameter.in === 'path' &&
  parameter.schema !== undefined &&
  ('enum' in parameter.schema || 'pattern' in parameter.schema);

/**
 * The answers of one operation in its dialect's bodies. The handler declares its data
 * (`@ApiOkResponse`) and the error statuses it answers (`@ApiUnauthorizedResponse`, ...); the
 * dialect wraps the data in its success envelope and gives every error status its error body.
 * Two answers come from the edge for every route that can meet them: 400 for a body that is not
 * JSON (or too large, or with a malformed Content-Type), parsed before any route runs, and 404 for
 * a path value outside its enum or pattern (an unknown endpoint to the router).
 */
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
