/**
 * Registers the whole contract on ipcMain from the one map: a single invoke channel carries
 * the method name (like Signal's sql-channel). Every call checks the sender frame (our window,
 * its main frame, our URL) before the core dispatcher validates input and permission.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { Core } from '../../core/compose';
import type { Connection } from '../../core/context';
import { IPC_EVENT, IPC_INVOKE } from '../../shared/contract/wire';
import { makeInvokeHandler } from './invoke-handler';
import { isAppUrl, type AppOrigin } from './app-url';

export function registerIpc(core: Core, win: BrowserWindow, origin: AppOrigin): () => void {
  const conn: Connection = core.connect();

  const senderOk = (event: IpcMainInvokeEvent): boolean => {
    const frame = event.senderFrame;
    return (
      event.sender.id === win.webContents.id &&
      frame !== null &&
      frame === win.webContents.mainFrame &&
      isAppUrl(frame.url, origin.devServerUrl, origin.rendererDir)
    );
  };

  const handle = makeInvokeHandler(core, conn);
  ipcMain.handle(IPC_INVOKE, (event, method: unknown, input: unknown) =>
    handle(senderOk(event), method, input),
  );

  const unsubscribe = core.ctx.events.subscribe((name, payload) => {
    if (!win.isDestroyed()) win.webContents.send(IPC_EVENT, name, payload);
  });

  return () => {
    unsubscribe();
    ipcMain.removeHandler(IPC_INVOKE);
    core.ctx.sessions.end(conn.sessionToken);
  };
}
