import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { type Observable, throwError } from 'rxjs';

/**
 * Nest's default RPC exception filter replaces every error a handler throws with
 * { status: 'error', message: 'Internal server error' }, so the transport could never tell a
 * PermanentMessageError (dead-letter now) from a transient failure (retry), and logged "[object Object]".
 * This filter hands the original error to JetStreamServer, which logs it and decides.
 */
@Catch()
export class RpcErrorPassthroughFilter implements RpcExceptionFilter {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}
