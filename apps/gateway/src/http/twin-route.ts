import { HttpCode, RequestMapping, RequestMethod } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';

const DESIGN_KEYS = ['design:type', 'design:paramtypes', 'design:returntype'];

/**
 * Nest maps one method per handler, so the second is a sibling `<name>ViaPost` whose prototype is the
 * first: it sees every metadata of the first, even what decorators above this one add later. Parameter
 * metadata is stored per method name, hence copied.
 */
function AndPost(first: RequestMethod, path: string): MethodDecorator {
  return (target, key, descriptor: PropertyDescriptor) => {
    const siblingKey = `${String(key)}ViaPost`;
    const sibling = function (this: Record<PropertyKey, (...args: unknown[]) => unknown>, ...args: unknown[]) {
      return this[key](...args);
    };
    Object.setPrototypeOf(sibling, descriptor.value as object);
    // The OpenAPI document reads a handler's parameters and names its operation by the function's name.
    Object.defineProperty(sibling, 'name', { value: siblingKey });
    const siblingDescriptor: PropertyDescriptor = {
      value: sibling,
      writable: true,
      configurable: true,
      enumerable: false,
    };
    Object.defineProperty(target, siblingKey, siblingDescriptor);
    for (const designKey of DESIGN_KEYS) {
      Reflect.defineMetadata(designKey, Reflect.getMetadata(designKey, target, key), target, siblingKey);
    }
    const args: unknown = Reflect.getMetadata(ROUTE_ARGS_METADATA, target.constructor, key);
    if (args) Reflect.defineMetadata(ROUTE_ARGS_METADATA, args, target.constructor, siblingKey);
    const route = (method: RequestMethod, on: string | symbol, handler: PropertyDescriptor) => {
      RequestMapping({ path, method })(target, on, handler);
      HttpCode(200)(target, on, handler);
    };
    route(first, key, descriptor);
    route(RequestMethod.POST, siblingKey, siblingDescriptor);
  };
}

export const PutOrPost = (path = ''): MethodDecorator => AndPost(RequestMethod.PUT, path);

export const DeleteOrPost = (path = ''): MethodDecorator => AndPost(RequestMethod.DELETE, path);
