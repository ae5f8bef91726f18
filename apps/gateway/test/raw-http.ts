// Requests written with node:http, so that exactly the given headers leave (fetch adds a
// Content-Type to string bodies, and none to a bodyless POST); answers checked against the
// stack's /openapi.json like every answer of the e2e suites.
import { request as httpRequest } from 'node:http';

import { documentedAnswer, type HttpResult } from './group-e2e.helpers';

/**
 * `method path` on the stack at `baseUrl` with exactly `headers` (plus Content-Length when there
 * is a body, `0` for an empty one) and `body` sent byte for byte; the answer checked against the
 * document, its body parsed as JSON.
 */
export function rawRequest(
  baseUrl: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<HttpResult> {
  const payload = body === undefined ? undefined : Buffer.from(body);
  const sent = payload ? { ...headers, 'content-length': String(payload.length) } : headers;
  const url = new URL(path, baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers: sent, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const flat = Object.entries(res.headers).map(([k, v]): [string, string] => [
          k,
          Array.isArray(v) ? v.join(', ') : String(v),
        ]);
        documentedAnswer(baseUrl, method, url, res.statusCode ?? 0, new Headers(flat), text).then(resolve, reject);
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}
