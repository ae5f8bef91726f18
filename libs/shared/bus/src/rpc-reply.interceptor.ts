import { Injectable, Logger, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Observable, catchError, map, of, tap } from 'rxjs';
import type { CommandEnvelope, Reply } from '@cohort/contracts';
import { currentDbCommands, runWithRequestId } from '@cohort/logging';
import { errorPayloadOf } from './error-payload';

/**
 * Wraps every message handler: runs it under the command's request id (logs carry it, and the
 * debug line of its answer the database commands it issued) and turns
 * its result or error into a Reply, so errors cross the bus as data. Unknown errors are logged
 * with their stack here and leave as `internal` without it.
 */
@Injectable()
export class RpcReplyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Rpc');

  intercept(context: ExecutionContext, next: CallHandler): Observable<Reply<unknown>> {
    const envelope = context.switchToRpc().getData<Partial<CommandEnvelope<unknown>>>();
    const requestId = typeof envelope?.requestId === 'string' ? envelope.requestId : 'none';
    const subject = context.getHandler().name;
    return new Observable<Reply<unknown>>((subscriber) =>
      runWithRequestId(requestId, () =>
        next
          .handle()
          .pipe(
            map((data: unknown): Reply<unknown> => ({ ok: true, data })),
            catchError((error: unknown) => of<Reply<unknown>>({ ok: false, error: errorPayloadOf(error, this.logger, subject) })),
            tap((reply) => this.logger.debug(`${subject} answered ${reply.ok ? 'ok' : reply.error.code} after ${currentDbCommands()} db command(s)`)),
          )
          .subscribe(subscriber),
      ),
    );
  }
}
