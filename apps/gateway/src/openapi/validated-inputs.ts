import type { OpenAPIObject, OperationObject, ParameterObject, ReferenceObject } from '@nestjs/swagger';

import type { DocumentedRoute } from './documented-routes';
import { type DtoClass, validationSchemaOf } from './validation-schema';
import { withValidatedProperty, withValidation } from './with-validation';

const isParameter = (parameter: ParameterObject | ReferenceObject): parameter is ParameterObject => 'in' in parameter;

/** A query class has no component of its own: its rules go to each operation's parameters. */
export class ValidatedInputs {
  private readonly bodies = new Set<DtoClass>();

  constructor(private readonly document: OpenAPIObject) {}

  add(operation: OperationObject, route: DocumentedRoute): void {
    if (route.body) this.addBody(route.body);
    if (route.query) this.addQuery(operation, route.query);
  }

  private addBody(body: DtoClass): void {
    if (this.bodies.has(body)) return;
    this.bodies.add(body);
    const schemas = this.document.components?.schemas ?? {};
    const component = schemas[body.name];
    if (!component || '$ref' in component) throw new Error(`${body.name}: no component in the document`);
    schemas[body.name] = withValidation(component, validationSchemaOf(body), body.name);
  }

  private addQuery(operation: OperationObject, query: DtoClass): void {
    const validated = validationSchemaOf(query);
    const parameters = (operation.parameters ?? []).filter(isParameter);
    for (const [name, schema] of Object.entries(validated.properties)) {
      let parameter = parameters.find((p) => p.in === 'query' && p.name === name);
      if (!parameter) {
        parameter = { name, in: 'query' };
        operation.parameters = [...(operation.parameters ?? []), parameter];
      }
      parameter.schema = withValidatedProperty(parameter.schema, schema, `${query.name}.${name}`);
      parameter.required = validated.required.includes(name);
    }
  }
}
