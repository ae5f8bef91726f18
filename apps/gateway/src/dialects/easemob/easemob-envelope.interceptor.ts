import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { ReferenceObject, SchemaObject } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { map, type Observable } from 'rxjs';

import type { GatewayEnv } from '../../config/gateway.config';
import type { CohortRequest } from '../../http/cohort-request';
import type { RegisteredApp } from '../../tenancy/apps.registry';

/** Every value a string in an array (`{pagesize: ["2"]}`). */
export type EasemobParams = Record<string, string[]>;

/** `count` is the items of this answer; `cursor` the next page of a list paged by cursor (none on the last). */
export class EasemobList<T> {
  constructor(
    readonly items: T[],
    readonly params?: EasemobParams,
    readonly cursor?: string | null,
  ) {}
}

export interface EnvelopeRequest {
  method: string;
  url: string;
  app: RegisteredApp;
  /** PUBLIC_BASE_URL: how clients reach the gateway. */
  baseUrl: string;
  duration: number;
}

export function easemobEnvelope(request: EnvelopeRequest, answer: unknown, now = Date.now()): Record<string, unknown> {
  const list = answer instanceof EasemobList ? answer : undefined;
  return {
    action: request.method.toLowerCase(),
    application: request.app.applicationUuid,
    applicationName: request.app.appName,
    organization: request.app.orgName,
    uri: `${request.baseUrl.replace(/\/+$/, '')}${request.url.split('?')[0]}`,
    entities: [],
    data: list ? list.items : (answer ?? null),
    timestamp: now,
    duration: request.duration,
    ...(list ? { count: list.items.length } : {}),
    ...(list?.params ? { params: list.params } : {}),
    ...(list?.cursor ? { cursor: list.cursor } : {}),
  };
}

@Injectable()
export class EasemobEnvelopeInterceptor implements NestInterceptor {
  private readonly baseUrl: string;

  constructor(config: ConfigService<GatewayEnv, true>) {
    this.baseUrl = config.get('PUBLIC_BASE_URL', { infer: true });
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<CohortRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const app = request.cohort?.app;
    if (!app) throw new Error('the Easemob envelope runs after the auth guard');
    return next.handle().pipe(
      map((answer: unknown) =>
        easemobEnvelope(
          {
            method: request.method,
            url: request.url,
            app,
            baseUrl: this.baseUrl,
            duration: Math.round(reply.elapsedTime),
          },
          answer,
        ),
      ),
    );
  }
}

const STRING = { type: 'string' } as const;

export const easemobSuccessSchema = (data: SchemaObject | ReferenceObject): SchemaObject => ({
  type: 'object',
  required: [
    'action',
    'application',
    'applicationName',
    'organization',
    'uri',
    'entities',
    'data',
    'timestamp',
    'duration',
  ],
  additionalProperties: false,
  properties: {
    action: { type: 'string', enum: ['get', 'post', 'put', 'delete'], description: 'the request method, lower-case' },
    application: { type: 'string', format: 'uuid', description: "the app's application uuid" },
    applicationName: { ...STRING, description: "the app's app_name" },
    organization: { ...STRING, description: "the app's org_name" },
    uri: {
      type: 'string',
      format: 'uri',
      description: 'the request URL (PUBLIC_BASE_URL and path), without the query',
    },
    entities: { type: 'array', maxItems: 0, items: { type: 'object' } },
    data,
    timestamp: { type: 'integer', description: 'ms since the epoch' },
    duration: { type: 'integer', minimum: 0, description: 'ms spent on the request' },
    count: { type: 'integer', minimum: 0, description: 'lists: the items in `data`' },
    params: {
      type: 'object',
      additionalProperties: { type: 'array', items: STRING },
      description: 'lists: the paging query parameters, each value a string in an array',
    },
    cursor: {
      type: 'string',
      minLength: 1,
      description: 'lists paged by cursor: the cursor of the next page; absent on the last page',
    },
  },
});
