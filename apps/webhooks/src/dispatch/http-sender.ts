import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';

import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

import type { WebhooksEnv } from '../config/webhooks.config';
import type { SignedRequest } from '../formats/standard-format';
import { AddressGuard } from './address-guard';
import { parseRetryAfter } from './retry-policy';

export interface SendOutcome {
  /** null: no answer (timeout, network error, refused address). */
  status: number | null;
  error: string | null;
  retryAfterMs: number | null;
  latencyMs: number;
}

export const isSuccess = (outcome: SendOutcome) =>
  outcome.status !== null && outcome.status >= 200 && outcome.status < 300;

/** No redirects, and every connection through the SSRF guard. */
@Injectable()
export class HttpSender implements OnApplicationShutdown {
  private readonly timeoutMs: number;
  private readonly maxBytes: number;
  private readonly agents = {
    http: new http.Agent({ keepAlive: true, maxSockets: 256 }),
    https: new https.Agent({ keepAlive: true, maxSockets: 256 }),
  };

  constructor(
    @Inject(ConfigService) config: ConfigService<WebhooksEnv, true>,
    private readonly guard: AddressGuard,
  ) {
    this.timeoutMs = config.get('WEBHOOK_TIMEOUT_MS', { infer: true });
    this.maxBytes = config.get('WEBHOOK_RESPONSE_MAX_BYTES', { infer: true });
  }

  send(url: string, request: SignedRequest): Promise<SendOutcome> {
    const started = Date.now();
    const done = (status: number | null, error: string | null, retryAfterMs: number | null = null): SendOutcome => ({
      status,
      error,
      retryAfterMs,
      latencyMs: Date.now() - started,
    });
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return Promise.resolve(done(null, 'invalid URL'));
    }
    const host = target.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) && !this.guard.isAllowed(host)) return Promise.resolve(done(null, 'refused address'));
    const secure = target.protocol === 'https:';
    const body = Buffer.from(request.body, 'utf8');
    return new Promise<SendOutcome>((resolve) => {
      let settled = false;
      const finish = (outcome: SendOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        resolve(outcome);
      };
      const req = (secure ? https : http).request(
        target,
        {
          method: 'POST',
          agent: secure ? this.agents.https : this.agents.http,
          lookup: this.guard.lookup,
          headers: { ...request.headers, 'content-length': String(body.length), 'user-agent': 'Cohort-Webhooks/1.0' },
        },
        (res) => {
          const status = res.statusCode ?? 0;
          const chunks: Buffer[] = [];
          let size = 0;
          const conclude = () => {
            const text = Buffer.concat(chunks).subarray(0, this.maxBytes).toString('utf8');
            const ok = status >= 200 && status < 300;
            const retryAfter = parseRetryAfter(res.headers['retry-after'], Date.now());
            finish(done(status, ok ? null : `HTTP ${status}${text ? `: ${text}` : ''}`, retryAfter));
          };
          res.on('data', (chunk: Buffer) => {
            if (size < this.maxBytes) chunks.push(chunk);
            size += chunk.length;
            if (size >= this.maxBytes) {
              conclude();
              res.destroy();
            }
          });
          res.on('end', conclude);
          res.on('error', conclude);
        },
      );
      const deadline = setTimeout(() => {
        finish(done(null, `timeout after ${this.timeoutMs} ms`));
        req.destroy();
      }, this.timeoutMs);
      req.on('error', (error: NodeJS.ErrnoException) =>
        finish(done(null, error.code === 'EREFUSEDADDRESS' ? 'refused address' : error.message || String(error.code))),
      );
      req.end(body);
    });
  }

  onApplicationShutdown(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }
}
