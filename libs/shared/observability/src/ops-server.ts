import { createServer, type Server } from 'node:http';

import { metricsText } from './metric-families';
import type { ReadinessReport } from './readiness';

export interface OpsEndpoints {
  readiness(): Promise<ReadinessReport>;
  readonly metricsEnabled: boolean;
}

/** /livez, /readyz and /metrics only: it never touches the bus's request path. */
export async function startOpsServer(port: number, host: string, endpoints: OpsEndpoints): Promise<Server> {
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    const answer = (status: number, contentType: string, body: string) => {
      response.writeHead(status, { 'content-type': contentType });
      response.end(body);
    };
    const json = (status: number, body: unknown) =>
      answer(status, 'application/json; charset=utf-8', JSON.stringify(body));
    if (request.method !== 'GET') return json(405, { error: 'method not allowed' });
    if (path === '/livez') return json(200, { status: 'ok' });
    if (path === '/readyz') {
      void endpoints.readiness().then(
        (report) =>
          json(report.ready ? 200 : 503, { status: report.ready ? 'ok' : 'not-ready', checks: report.checks }),
        (error: unknown) => json(503, { status: 'not-ready', error: String(error) }),
      );
      return;
    }
    if (path === '/metrics' && endpoints.metricsEnabled) {
      void metricsText().then(
        ({ contentType, body }) => answer(200, contentType, body),
        (error: unknown) => json(500, { error: String(error) }),
      );
      return;
    }
    json(404, { error: 'not found' });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}
