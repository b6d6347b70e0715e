/**
 * What the single IPC invoke channel does with a call, without Electron types: refuse a foreign
 * sender, then hand the method name and input to the core dispatcher for this window's connection.
 */
import type { Core } from '../../core/compose';
import type { Connection } from '../../core/context';
import type { Result } from '../../shared/contract/errors';
import { errorEnvelope } from '../../shared/contract/wire';

export function makeInvokeHandler(core: Core, conn: Connection) {
  return async (senderOk: boolean, method: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!senderOk) return errorEnvelope('FORBIDDEN_SENDER');
    return core.dispatcher.call(conn, typeof method === 'string' ? method : '', input);
  };
}
