import { HttpCode, RequestMapping, RequestMethod } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';

const DESIGN_KEYS = ['design:type', 'design:paramtypes', 'design:returntype'];

/**
 * One handler registered for a method and POST on one path (the vendor's `PUT·POST` and `DELETE·POST`
 * endpoints), both answering 200. Nest maps one method per handler, so the second is a sibling
 * handler `<name>ViaPost` that calls the first. The sibling's prototype is the first handler, so
 * it sees every metadata of the first (guards, docs, route metadata), including what decorators
 * written above this one add later; only its path, method and status are its own. Parameter
 * metadata is stored per method name, hence copied (parameter decorators have run by then).
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

/** `PUT` and `POST` of one path, one handler. */
export const PutOrPost = (path = ''): MethodDecorator => AndPost(RequestMethod.PUT, path);

/** `DELETE` and `POST` of one path, one handler. */
export const DeleteOrPost = (path = ''): MethodDecorator => AndPost(RequestMethod.DELETE, path);
