export type Schema = Record<string, unknown>;

export interface Parameter {
  name: string;
  in: string;
  schema?: Schema;
}

export interface Response {
  description?: string;
  content?: Record<string, { schema?: Schema }>;
}

export interface Operation {
  operationId?: string;
  parameters?: Parameter[];
  responses: Record<string, Response>;
}

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}
