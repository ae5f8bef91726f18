import { existsSync } from 'node:fs';
import { join } from 'node:path';

import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';

/** The console's build (apps/console, built by Vite into dist/apps/console): beside this gateway's dist/apps/gateway. */
export const CONSOLE_DIR = join(__dirname, '..', '..', '..', 'console');

/**
 * Serves the admin console at /console/ (a static single-page app that calls /token and
 * /admin/v1). Absent when the console was not built: the API works without it.
 */
export async function serveConsole(
  app: NestFastifyApplication,
  fastify: FastifyInstance,
  root = CONSOLE_DIR,
): Promise<boolean> {
  if (!existsSync(join(root, 'index.html'))) return false;
  // The Swagger UI registered @fastify/static already: this second instance must not decorate the reply again.
  await app.register(fastifyStatic as never, {
    root,
    prefix: '/console/',
    decorateReply: false,
    index: ['index.html'],
  });
  fastify.get('/console', (_request, reply) => reply.redirect('/console/'));
  return true;
}
