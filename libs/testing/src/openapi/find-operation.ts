import type { OpenApiDocument, Operation } from './openapi-types';

export interface FoundOperation {
  /** `POST /group/info/{field}` */
  name: string;
  operation: Operation;
}

interface Template {
  method: string;
  path: string;
  segments: string[];
  operation: Operation;
}

const PARAM = /^\{(.+)\}$/;

const byConcreteness = (a: Template, b: Template) =>
  b.segments.filter((s) => !PARAM.test(s)).length - a.segments.filter((s) => !PARAM.test(s)).length;

/**
 * The most literal template first, as OpenAPI orders `/group/info/batch` before `/group/info/{field}`;
 * a path parameter with an enum matches only those values, as the router sends anything else elsewhere.
 */
export class OperationFinder {
  private readonly templates: Template[];

  constructor(document: OpenApiDocument) {
    this.templates = Object.entries(document.paths)
      .flatMap(([path, item]) =>
        Object.entries(item).map(([method, operation]) => ({
          method: method.toUpperCase(),
          path,
          segments: path.split('/'),
          operation,
        })),
      )
      .sort(byConcreteness);
  }

  find(method: string, pathname: string): FoundOperation | undefined {
    const segments = pathname.split('/');
    const template = this.templates.find((t) => t.method === method.toUpperCase() && this.matches(t, segments));
    return template && { name: `${template.method} ${template.path}`, operation: template.operation };
  }

  private matches(template: Template, segments: string[]): boolean {
    if (template.segments.length !== segments.length) return false;
    return template.segments.every((expected, i) => {
      const param = PARAM.exec(expected)?.[1];
      if (param === undefined) return expected === segments[i];
      const value = decodeURIComponent(segments[i]);
      const allowed = template.operation.parameters?.find((p) => p.in === 'path' && p.name === param)?.schema?.enum;
      return value !== '' && (!Array.isArray(allowed) || allowed.includes(value));
    });
  }
}
