import { DomainError } from '@cohort/errors';
import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { dialectOfUnroutedRequest } from '../dialects/unrouted-requests';
import { inDialectFields } from './field-names';
import { isOwnFailure, publicError } from './public-error';
import { type RouteMeta, routeMetaOf } from './route-meta';
import { toDomainError } from './to-domain-error';

function answeredAs(error: DomainError, errorsAs: RouteMeta['errorsAs']): DomainError {
  const code = errorsAs?.[error.code];
  return code ? new DomainError(code, error.message, error.details) : error;
}

/** No stack, subject or driver message ever leaves; failures of ours are logged. */
@Catch()
export class DialectExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const route = routeMetaOf(request);
    const error = answeredAs(toDomainError(exception), route?.errorsAs);
    if (error.code === 'internal') {
      this.logger.error(exception instanceof Error ? exception : String(exception), `${request.method} ${request.url}`);
    } else if (isOwnFailure(error)) {
      this.logger.warn(`${error.code}: ${error.message}`, `${request.method} ${request.url}`);
    }
    const dialect = route?.dialect ?? dialectOfUnroutedRequest(request.url);
    const { status, body } = dialect.renderError(
      inDialectFields(publicError(error), { ...dialect.fields, ...route?.fields }),
      request,
    );
    const retryAfter = error.details?.retryAfterSeconds;
    if (error.code === 'rate_limited' && typeof retryAfter === 'number')
      void reply.header('retry-after', String(retryAfter));
    void reply.status(status).send(body);
  }
}
