import type { ErrorCode } from '@cohort/contracts';
import { PATH_METADATA } from '@nestjs/common/constants';
import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants';
import type { FastifyRequest } from 'fastify';

import type { FieldNames, HttpDialect } from './dialect';

/** What the gateway declares about a route: its dialect, the field names it adds, its rate-limit family. */
export interface RouteMeta {
  dialect?: HttpDialect;
  fields?: FieldNames;
  rateLimitFamily?: string;
  /** Query parameters that are the route's own arguments: never read as the call's context (act-as). */
  queryArguments?: readonly string[];
  /** Errors this route answers as another (a dialect's own wording of one endpoint's failures). */
  errorsAs?: Partial<Record<ErrorCode, ErrorCode>>;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    cohort?: RouteMeta;
  }
}

type RouteConfig = { cohort?: RouteMeta } & Record<string, unknown>;

function addTo(handler: object, meta: RouteMeta, from: 'controller' | 'handler'): void {
  const config = (Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, handler) ?? {}) as RouteConfig;
  const declared = config.cohort ?? {};
  // What a handler declares wins over what its controller declares; field names add up.
  const [weaker, stronger] = from === 'handler' ? [declared, meta] : [meta, declared];
  const cohort: RouteMeta = { ...weaker, ...stronger, fields: { ...weaker.fields, ...stronger.fields } };
  Reflect.defineMetadata(FASTIFY_ROUTE_CONFIG_METADATA, { ...config, cohort }, handler);
}

/**
 * Route metadata kept in the Fastify route's own config (Nest copies a handler's
 * `FASTIFY_ROUTE_CONFIG_METADATA` into it), so that whatever holds the request reads what its
 * matched route declared — the exception filter included, which Nest gives no handler. On a
 * controller, it applies to each of its routes (class decorators run after the methods').
 */
export function routeMeta(meta: RouteMeta): ClassDecorator & MethodDecorator {
  return (target: object, key?: string | symbol, descriptor?: PropertyDescriptor) => {
    if (descriptor) {
      addTo(descriptor.value as object, meta, 'handler');
      return;
    }
    const prototype = (target as { prototype: object }).prototype;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const handler = Object.getOwnPropertyDescriptor(prototype, name)?.value as unknown;
      if (typeof handler === 'function' && Reflect.getMetadata(PATH_METADATA, handler) !== undefined)
        addTo(handler, meta, 'controller');
    }
  };
}

/** What a route handler declared (its controller's declarations included). */
export const declaredRouteMeta = (handler: object): RouteMeta | undefined =>
  (Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, handler) as RouteConfig | undefined)?.cohort;

/** What the route that matched `request` declared; undefined when no route matched (404) or none was declared. */
export const routeMetaOf = (request: FastifyRequest): RouteMeta | undefined => request.routeOptions?.config?.cohort;

/**
 * Query parameters of a route that are its own arguments, not the call's context: GET
 * /group/send_check's `user_id` names the sender asked about, not a user to act as.
 */
export const QueryArguments = (...names: string[]): MethodDecorator & ClassDecorator =>
  routeMeta({ queryArguments: names });

/** Errors a route answers as others: Mixin answers a mute of a conversation the caller is not in with 403, say. */
export const ErrorsAs = (errorsAs: Partial<Record<ErrorCode, ErrorCode>>): MethodDecorator & ClassDecorator =>
  routeMeta({ errorsAs });
