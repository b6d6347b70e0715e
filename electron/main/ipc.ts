/**
 * Registers the whole contract on ipcMain from the one map: a single invoke channel carries
 * the method name (like Signal's sql-channel). Every call checks the sender frame (our window,
 * its main frame, our URL) before the core dispatcher validates input and permission.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { Core } from '../../core/compose';
import type { Connection } from '../../core/context';
import type { Result } from '../../shared/contract/errors';
import { IPC_EVENT, IPC_INVOKE } from '../shared/channels';
import { isAppUrl } from './security';

export function registerIpc(core: Core, win: BrowserWindow, devServerUrl: string | undefined): () => void {
  const conn: Connection = core.connect();

  const senderOk = (event: IpcMainInvokeEvent): boolean => {
    const frame = event.senderFrame;
    return (
      event.sender.id === win.webContents.id &&
      frame !== null &&
      frame === win.webContents.mainFrame &&
      isAppUrl(frame.url, devServerUrl)
    );
  };

  ipcMain.handle(IPC_INVOKE, async (event, method: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!senderOk(event)) {
      return { ok: false, error: { code: 'FORBIDDEN_SENDER', messageKey: 'errors.FORBIDDEN_SENDER', details: {} } };
    }
    return core.dispatcher.call(conn, typeof method === 'string' ? method : '', input);
  });

  const unsubscribe = core.ctx.events.subscribe((name, payload) => {
    if (!win.isDestroyed()) win.webContents.send(IPC_EVENT, name, payload);
  });

  return () => {
    unsubscribe();
    ipcMain.removeHandler(IPC_INVOKE);
    core.ctx.sessions.end(conn.sessionToken);
  };
}
