/**
 * What the single IPC invoke channel does with a call, without Electron types: refuse a foreign
 * sender, then hand the method name and input to the core dispatcher for this window's connection.
 */
import type { Core } from '../../core/compose';
import type { Connection } from '../../core/context';
import type { Result } from '../../shared/contract/errors';

export function makeInvokeHandler(core: Core, conn: Connection) {
  return async (senderOk: boolean, method: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!senderOk) {
      return {
        ok: false,
        error: { code: 'FORBIDDEN_SENDER', messageKey: 'errors.FORBIDDEN_SENDER', details: {} },
      };
    }
    return core.dispatcher.call(conn, typeof method === 'string' ? method : '', input);
  };
}
