// A real HTTP receiver for the webhooks e2e suites: node:http on a free loopback port, recording
// every request, answering as the test says (a status with headers, or dropping the connection as
// a server that is down would).
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  json: Record<string, unknown>;
  at: number;
  /** What it was answered; null: dropped. */
  status: number | null;
}

/** How to answer the n-th request (from 0): a status (and headers), or `drop` (no answer, the socket closes). */
export type Answer = { status: number; headers?: Record<string, string> } | 'drop';

export class WebhookReceiver {
  readonly received: Received[] = [];
  private answer: (n: number, request: Received) => Answer = () => ({ status: 200 });
  private count = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(path = '/hook'): Promise<WebhookReceiver> {
    const started: { receiver?: WebhookReceiver } = {};
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => started.receiver?.handle(req.headers, Buffer.concat(chunks).toString('utf8'), res));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    started.receiver = new WebhookReceiver(server, `http://127.0.0.1:${port}${path}`);
    return started.receiver;
  }

  /** From now on, answer the n-th request (counted from now) as `answer` says. */
  answering(answer: (n: number, request: Received) => Answer): void {
    this.count = 0;
    this.answer = answer;
  }

  /** The requests answered 2xx, in arrival order. */
  accepted(): Received[] {
    return this.received.filter((r) => r.status !== null && r.status < 300);
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private handle(headers: IncomingHttpHeaders, body: string, res: ServerResponse): void {
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(body) as Record<string, unknown>;
    } catch {
      // recorded as is
    }
    const request: Received = { headers, body, json, at: Date.now(), status: null };
    const answer = this.answer(this.count++, request);
    this.received.push(request);
    if (answer === 'drop') {
      res.socket?.destroy();
      return;
    }
    request.status = answer.status;
    res
      .writeHead(answer.status, { 'content-type': 'text/plain', ...answer.headers })
      .end(answer.status < 300 ? 'ok' : 'not now');
  }
}
