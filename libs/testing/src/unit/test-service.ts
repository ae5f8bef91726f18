import 'reflect-metadata';

import { Outbox } from '@cohort/outbox';

import { fakeOutbox } from './fake-outbox';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any constructor, whatever it takes
export type Class<T = unknown> = abstract new (...args: any[]) => T;

export interface TestServiceOptions {
  real?: Class[];
  use?: ReadonlyArray<readonly [Class, unknown]>;
}

export interface TestService<T> {
  service: T;
  mock<D>(type: Class<D>): jest.Mocked<D>;
}

/**
 * News up `Service` as Nest would, from its constructor's parameter types, each an auto-mock
 * resolving to undefined, so a test sets only what its branch needs; the Outbox records (`sentEvents`).
 */
export function newTestService<T>(
  Service: new (...args: never[]) => T,
  options: TestServiceOptions = {},
): TestService<T> {
  const instances = new Map<Class, unknown>([[Outbox, fakeOutbox()], ...(options.use ?? [])]);
  const real = new Set(options.real ?? []);

  const resolve = (type: Class, building: Class[]): unknown => {
    if (instances.has(type)) return instances.get(type);
    const instance = real.has(type) ? construct(type, [...building, type]) : autoMock(type);
    instances.set(type, instance);
    return instance;
  };
  const construct = (type: Class, building: Class[]): unknown => {
    const params = parameterTypes(type, building);
    const Concrete = type as unknown as new (...args: unknown[]) => unknown;
    return new Concrete(...params.map((param) => resolve(param, building)));
  };

  const service = construct(Service as unknown as Class, [Service as unknown as Class]) as T;
  return {
    service,
    mock: <D>(type: Class<D>) => {
      if (!instances.has(type)) throw new Error(`${Service.name} was given no ${type.name}`);
      return instances.get(type) as jest.Mocked<D>;
    },
  };
}

function parameterTypes(type: Class, building: Class[]): Class[] {
  const params = (Reflect.getMetadata('design:paramtypes', type) ?? []) as (Class | undefined)[];
  return params.map((param, index) => {
    // An interface or `import type` is emitted as Object, a circular import as undefined: neither names a provider.
    if (!param || param === Object)
      throw new Error(`${building.map((b) => b.name).join(' → ')}: parameter ${index} has no class type to mock`);
    if (building.includes(param))
      throw new Error(`${building.map((b) => b.name).join(' → ')} → ${param.name}: a cycle`);
    return param;
  });
}

export function autoMock<T>(type: Class<T>): jest.Mocked<T> {
  const mock: Record<string, jest.Mock> = {};
  for (let proto = type.prototype; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, name);
      if (name !== 'constructor' && !(name in mock) && typeof descriptor?.value === 'function') mock[name] = jest.fn();
    }
  }
  return mock as unknown as jest.Mocked<T>;
}
