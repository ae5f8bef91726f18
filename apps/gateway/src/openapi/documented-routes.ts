import type { INestApplication, Type } from '@nestjs/common';
import { PARAMTYPES_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { DiscoveryService } from '@nestjs/core';

import type { HttpDialect } from '../http/dialect';
import { isValidatedType } from '../http/input-validation.pipe';
import { declaredRouteMeta } from '../http/route-meta';
import type { DtoClass } from './validation-schema';

export interface DocumentedRoute {
  operationId: string;
  dialect: HttpDialect;
  query?: DtoClass;
  body?: DtoClass;
}

/** The Swagger module's default, fixed so that routes find theirs. */
export const operationIdOf = (controller: string, handler: string): string => `${controller}_${handler}`;

function validatedArgument(controller: Type, handler: string, paramtype: RouteParamtypes): DtoClass | undefined {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handler) ?? {}) as Record<
    string,
    { index: number }
  >;
  const types = (Reflect.getMetadata(PARAMTYPES_METADATA, controller.prototype, handler) ?? []) as unknown[];
  // Keys are `<paramtype>:<index>` (custom parameter decorators have a non-numeric paramtype).
  const found = Object.entries(args).find(([key]) => Number(key.split(':')[0]) === paramtype);
  const type = found ? types[found[1].index] : undefined;
  return isValidatedType(type) ? type : undefined;
}

export function documentedRoutes(app: INestApplication): DocumentedRoute[] {
  return app
    .get(DiscoveryService)
    .getControllers()
    .flatMap(({ metatype }) => {
      const controller = metatype as Type;
      const prototype = controller.prototype as Record<string, object>;
      return Object.getOwnPropertyNames(prototype)
        .filter((key) => key !== 'constructor' && Reflect.getMetadata(PATH_METADATA, prototype[key]) !== undefined)
        .map((key) => {
          const dialect = declaredRouteMeta(prototype[key])?.dialect;
          if (!dialect) throw new Error(`${controller.name}.${key} declares no dialect`);
          return {
            operationId: operationIdOf(controller.name, key),
            dialect,
            query: validatedArgument(controller, key, RouteParamtypes.QUERY),
            body: validatedArgument(controller, key, RouteParamtypes.BODY),
          };
        });
    });
}
