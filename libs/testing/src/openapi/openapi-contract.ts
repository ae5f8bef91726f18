import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

import { OperationFinder } from './find-operation';
import type { OpenApiDocument, Response, Schema } from './openapi-types';

export interface Answer {
  method: string;
  url: string | URL;
  status: number;
  contentType: string | null;
  text: string;
}

const DOCUMENT_ID = 'openapi.json';

function inDocument(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(inDocument);
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' && value.startsWith('#/')
        ? `${DOCUMENT_ID}${value}`
        : inDocument(value),
    ]),
  );
}

const mediaType = (contentType: string | null) => (contentType ?? '').split(';')[0].trim().toLowerCase();

/** A path no operation matches must be answered as unknown: 404, or 400 for a body refused before routing. */
export class OpenApiContract {
  private readonly ajv: Ajv;
  private readonly finder: OperationFinder;
  private readonly validators = new Map<Schema, ValidateFunction>();

  constructor(readonly document: OpenApiDocument) {
    // strict off: OpenAPI has keywords JSON Schema has not (example, ...); Ajv knows `nullable`.
    this.ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(this.ajv);
    for (const format of ['int32', 'int64'])
      this.ajv.addFormat(format, { type: 'number', validate: (n: number) => Number.isInteger(n) });
    for (const format of ['float', 'double']) this.ajv.addFormat(format, { type: 'number', validate: () => true });
    this.ajv.addSchema({ components: document.components ?? {} }, DOCUMENT_ID);
    this.finder = new OperationFinder(document);
  }

  check(answer: Answer): void {
    const { pathname } = new URL(answer.url, 'http://unused');
    const request = `${answer.method.toUpperCase()} ${pathname} → ${answer.status}`;
    const found = this.finder.find(answer.method, pathname);
    if (!found) {
      if (answer.status === 404 || answer.status === 400) return;
      throw new Error(`${request}: no operation of the document matches, yet the server answered it`);
    }
    const { responses } = found.operation;
    const response =
      responses[String(answer.status)] ?? responses[`${String(answer.status)[0]}XX`] ?? responses.default;
    if (!response) throw new Error(`${request} (${found.name}): undocumented status`);
    this.checkBody(`${request} (${found.name})`, response, answer);
  }

  private checkBody(where: string, response: Response, answer: Answer): void {
    if (!response.content) {
      if (answer.text !== '') throw new Error(`${where}: a body where the document describes none`);
      return;
    }
    const type = mediaType(answer.contentType);
    const documented = response.content[type];
    if (!documented)
      throw new Error(`${where}: content type "${type}" is not one of ${Object.keys(response.content).join(', ')}`);
    if (!documented.schema) return;
    let body: unknown;
    try {
      body = JSON.parse(answer.text);
    } catch {
      throw new Error(`${where}: the body is not JSON: ${answer.text.slice(0, 200)}`);
    }
    const validate = this.validatorOf(documented.schema);
    if (!validate(body)) {
      throw new Error(
        `${where}: the body does not match the document: ${this.ajv.errorsText(validate.errors)}\n${answer.text.slice(0, 500)}`,
      );
    }
  }

  private validatorOf(schema: Schema): ValidateFunction {
    let validate = this.validators.get(schema);
    if (!validate) {
      validate = this.ajv.compile(inDocument(schema) as Schema);
      this.validators.set(schema, validate);
    }
    return validate;
  }
}

const contracts = new Map<string, Promise<OpenApiContract>>();

export function openApiContractOf(baseUrl: string): Promise<OpenApiContract> {
  let contract = contracts.get(baseUrl);
  if (!contract) {
    contract = fetch(new URL('/openapi.json', baseUrl)).then(async (res) => {
      if (res.status !== 200) throw new Error(`GET ${baseUrl}/openapi.json answered ${res.status}`);
      return new OpenApiContract((await res.json()) as OpenApiDocument);
    });
    // A failed fetch is not remembered: the next call tries again.
    void contract.catch(() => contracts.delete(baseUrl));
    contracts.set(baseUrl, contract);
  }
  return contract;
}
