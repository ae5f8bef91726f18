import type { ErrorCode } from '@cohort/contracts';
import { PATH_METADATA } from '@nestjs/common/constants';
import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants';
import type { FastifyRequest } from 'fastify';

import type { FieldNames, HttpDialect } from './dialect';

export interface RouteMeta {
  dialect?: HttpDialect;
  fields?: FieldNames;
  rateLimitFamily?: string;
  /** Never read as the call's context (act-as). */
  queryArguments?: readonly string[];
  /** A dialect's own wording of one endpoint's failures. */
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
 * Kept in the Fastify route's own config, so that whatever holds the request reads it: the exception
 * filter included, which Nest gives no handler. Class decorators run after the methods'.
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

export const declaredRouteMeta = (handler: object): RouteMeta | undefined =>
  (Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, handler) as RouteConfig | undefined)?.cohort;

/** undefined when no route matched (404). */
export const routeMetaOf = (request: FastifyRequest): RouteMeta | undefined => request.routeOptions?.config?.cohort;

/** GET /group/send_check's `user_id` names the sender asked about, not a user to act as. */
export const QueryArguments = (...names: string[]): MethodDecorator & ClassDecorator =>
  routeMeta({ queryArguments: names });

/** Mixin answers a mute of a conversation the caller is not in with 403, say. */
export const ErrorsAs = (errorsAs: Partial<Record<ErrorCode, ErrorCode>>): MethodDecorator & ClassDecorator =>
  routeMeta({ errorsAs });
