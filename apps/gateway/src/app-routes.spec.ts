import 'reflect-metadata';

import { RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';

import { AppModule } from './app.module';
import { declaredRouteMeta, type RouteMeta } from './http/route-meta';

interface Route {
  name: string;
  method: string;
  path: string;
  meta: RouteMeta | undefined;
}

/** The controllers of a module and of the modules it imports (dynamic modules have none of ours). */
function controllersOf(module: Type): Type[] {
  const imports = ((Reflect.getMetadata('imports', module) ?? []) as unknown[]).filter(
    (m): m is Type => typeof m === 'function',
  );
  return [...((Reflect.getMetadata('controllers', module) ?? []) as Type[]), ...imports.flatMap(controllersOf)];
}

/** Every route of the gateway's controllers, with what it declares. */
const routes: Route[] = controllersOf(AppModule).flatMap((controller) => {
  const prototype = controller.prototype as Record<string, object>;
  const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
  return Object.getOwnPropertyNames(prototype)
    .filter((key) => key !== 'constructor' && Reflect.getMetadata(PATH_METADATA, prototype[key]) !== undefined)
    .map((key) => ({
      name: `${controller.name}.${key}`,
      method: RequestMethod[Reflect.getMetadata(METHOD_METADATA, prototype[key]) as RequestMethod],
      path: `/${[base, String(Reflect.getMetadata(PATH_METADATA, prototype[key]))].filter((p) => p && p !== '/').join('/')}`,
      meta: declaredRouteMeta(prototype[key]),
    }));
});

describe('gateway routes', () => {
  it('finds the routes', () => {
    expect(routes.length).toBeGreaterThan(10);
  });

  it('every route declares its dialect (the URL picks one only for requests no route matched)', () => {
    expect(routes.filter((r) => !r.meta?.dialect).map((r) => r.name)).toEqual([]);
  });

  it('every route of a dialect that authenticates names its rate-limit family', () => {
    expect(routes.filter((r) => r.meta?.dialect?.auth && !r.meta.rateLimitFamily).map((r) => r.name)).toEqual([]);
  });

  it('keeps the /group rate-limit families of their paths', () => {
    const family = (method: string, path: string) =>
      routes.find((r) => r.method === method && r.path.startsWith(path))?.meta?.rateLimitFamily;
    expect(family('GET', '/group/info')).toBe('group:info');
    expect(family('POST', '/group/info/batch')).toBe('group:info');
    expect(family('POST', '/group/info/:field')).toBe('group:info');
    expect(family('PUT', '/group/settings/require_admin_approval')).toBe('group:settings');
    expect(family('POST', '/group/create')).toBe('group:create');
    expect(family('DELETE', '/group/destroy')).toBe('group:destroy');
    expect(family('POST', '/group/destroy')).toBe('group:destroy');
    expect(family('GET', '/group/member_list')).toBe('group:members');
    expect(family('POST', '/group/admin/add')).toBe('group:members');
    expect(family('DELETE', '/group/kick')).toBe('group:members');
    expect(family('POST', '/group/apply')).toBe('group:joining');
    expect(family('GET', '/group/invitation_list')).toBe('group:joining');
    expect(family('GET', '/group/qrcode/sign')).toBe('group:joining');
    for (const [method, path] of [
      ['POST', '/group/ban'],
      ['POST', '/group/unban'],
      ['GET', '/group/banned_list'],
    ])
      expect(family(method, path)).toBe('group:moderation');
    for (const [method, path] of [
      ['GET', '/group/announcement'],
      ['POST', '/group/announcement/edit'],
      ['DELETE', '/group/announcement/delete'],
    ]) {
      expect(family(method, path)).toBe('group:announcements');
    }
    for (const [method, path] of [
      ['GET', '/group/file'],
      ['POST', '/group/file/upload'],
      ['PUT', '/group/file/update_name'],
    ])
      expect(family(method, path)).toBe('group:files');
  });

  it('registers each twin route for both its methods, with the same declarations', () => {
    const at = (path: string) => routes.filter((r) => r.path.startsWith(path));
    expect(
      at('/group/destroy')
        .map((r) => r.method)
        .sort(),
    ).toEqual(['DELETE', 'POST']);
    expect(
      at('/group/info/:field')
        .map((r) => r.method)
        .sort(),
    ).toEqual(['POST', 'PUT']);
    expect(
      at('/group/settings/require_admin_approval')
        .map((r) => r.method)
        .sort(),
    ).toEqual(['POST', 'PUT']);
    for (const path of [
      '/group/admin/remove',
      '/group/kick',
      '/group/leave',
      '/group/announcement/delete',
      '/group/file/delete',
    ])
      expect(
        at(path)
          .map((r) => r.method)
          .sort(),
      ).toEqual(['DELETE', 'POST']);
    for (const path of [
      '/group/apply/handle',
      '/group/invite/handle',
      '/group/display_name',
      '/group/msg/mute_mode',
      '/group/msg/push_mode',
      '/group/transfer',
      '/group/file/update_name',
    ]) {
      expect(
        at(path)
          .map((r) => r.method)
          .sort(),
      ).toEqual(['POST', 'PUT']);
    }
    const [put, post] = at('/group/info/:field');
    expect(post.meta).toEqual(put.meta);
    expect(put.meta?.fields).toMatchObject({ name: 'value', ext: 'value' });
  });
});
