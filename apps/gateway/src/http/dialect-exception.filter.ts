import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { dialectForUrl } from './dialect-router';
import { toDomainError } from './to-domain-error';

/** Every error leaves in the envelope of the dialect the request spoke; no stack ever leaves. */
@Catch()
export class DialectExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const error = toDomainError(exception);
    if (error.code === 'internal') {
      this.logger.error(exception instanceof Error ? exception : String(exception), `${request.method} ${request.url}`);
    }
    const { status, body } = dialectForUrl(request.url).renderError(error, request);
    const retryAfter = error.details?.retryAfterSeconds;
    if (error.code === 'rate_limited' && typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
    void reply.status(status).send(body);
  }
}
