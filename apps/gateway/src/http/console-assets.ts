import { existsSync } from 'node:fs';
import { join } from 'node:path';

import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';

/** Vite builds apps/console beside this gateway's dist/apps/gateway. */
export const CONSOLE_DIR = join(__dirname, '..', '..', '..', 'console');

/** Absent when the console was not built: the API works without it. */
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
