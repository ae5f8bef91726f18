import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { type Observable, throwError } from 'rxjs';

/**
 * Hands a handler's error back to the transport as it was thrown: the transport answers it as
 * data (a domain error's payload, or `internal` logged with its stack), where Nest's default
 * filter would log every refusal as an error and replace it with a generic one.
 */
@Catch()
export class PassErrorsThrough implements RpcExceptionFilter<unknown> {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}
