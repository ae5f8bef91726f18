import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, type OperationObject, SwaggerModule } from '@nestjs/swagger';

import { answerInDialect } from './dialect-responses';
import { documentedRoutes, operationIdOf } from './documented-routes';
import { ValidatedInputs } from './validated-inputs';

const CONFIG = new DocumentBuilder()
  .setTitle('Cohort')
  .setDescription('Groups & chatrooms backend: /group ("group" API), /{org}/{app} (Easemob), /conversations (Mixin)')
  .setVersion('0.1.0')
  .addApiKey({ type: 'apiKey', in: 'header', name: 'access-token' }, 'access-token')
  .addApiKey({ type: 'apiKey', in: 'query', name: 'access-token' }, 'access-token-query')
  .addBearerAuth()
  .build();

function operationsById(document: OpenAPIObject): Map<string, { method: string; operation: OperationObject }> {
  const operations = new Map<string, { method: string; operation: OperationObject }>();
  for (const item of Object.values(document.paths)) {
    for (const [method, operation] of Object.entries(item) as [string, OperationObject][]) {
      if (operation.operationId) operations.set(operation.operationId, { method, operation });
    }
  }
  return operations;
}

/** Request constraints are read from the class-validator rules the validation pipe runs; answers are in each route's dialect. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(app, CONFIG, { operationIdFactory: operationIdOf });
  const schemas = ((document.components ??= {}).schemas ??= {});
  const operations = operationsById(document);
  const inputs = new ValidatedInputs(document);
  for (const route of documentedRoutes(app)) {
    const found = operations.get(route.operationId);
    if (!found) throw new Error(`${route.operationId}: no operation in the document`);
    inputs.add(found.operation, route);
    const { error } = route.dialect.responseDocs;
    schemas[error.name] = error.schema;
    answerInDialect(found.operation, found.method, route.dialect.responseDocs, {
      $ref: `#/components/schemas/${error.name}`,
    });
  }
  return document;
}
