import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/** Validation strips the fields a DTO does not know, so a route that refuses unknown fields reads them here. */
export const SentFields = createParamDecorator((_: unknown, ctx: ExecutionContext): string[] => {
  const body: unknown = ctx.switchToHttp().getRequest<FastifyRequest>().body;
  return body !== null && typeof body === 'object' && !Array.isArray(body) ? Object.keys(body) : [];
});
