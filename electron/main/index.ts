/**
 * Electron main: one hardened window hosting the renderer, and the same core the web host
 * runs, wired to IPC. Nothing of substance lives here.
 */
import { app, BrowserWindow, dialog } from 'electron';
import { join } from 'node:path';
import { startHostBackups } from '../../core/services/backup/host-backups';
import { applyPendingRestore, describeAppliedRestore } from '../../core/services/backup/pending-restore';
import type { BackupScheduler } from '../../core/services/backup/scheduler';
import { composeCore, type Core } from '../../core/compose';
import { defaultDataDir, makeDataPrivate } from '../../core/data-dir';
import { parseHostArgs } from '../../core/host-args';
import { acquireInstanceLock, type InstanceLock } from '../../core/instance-lock';
import type { AppOrigin } from './app-url';
import { registerIpc } from './ipc';
import { hardenContents, installAppSecurity, secureWebPreferences } from './security';

const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const origin: AppOrigin = { devServerUrl, rendererDir: join(__dirname, '../renderer') };
let core: Core | null = null;
let unregister: (() => void) | null = null;
let lock: InstanceLock | null = null;
let backups: BackupScheduler | null = null;

function createWindow(c: Core): BrowserWindow {
  const win = new BrowserWindow({
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'CounterDesk',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.cjs')),
  });
  hardenContents(win.webContents, origin);
  unregister = registerIpc(c, win, origin);
  win.once('ready-to-show', () => win.show());
  if (devServerUrl) void win.loadURL(devServerUrl);
  else void win.loadFile(join(__dirname, '../renderer/index.html'));
  return win;
}

if (!app.requestSingleInstanceLock()) {
  // A second CounterDesk on the same machine hands over to the first and exits.
  app.quit();
} else {
  app.on('second-instance', () => {
    const [win] = BrowserWindow.getAllWindows();
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  void app.whenReady().then(async () => {
    installAppSecurity(origin);
    const args = parseHostArgs(process.argv.slice(1));
    const dataDir = args.dataDir ?? process.env.COUNTERDESK_DATA_DIR ?? defaultDataDir();
    try {
      makeDataPrivate(dataDir);
      lock = acquireInstanceLock(dataDir, 'electron');
      const restored = describeAppliedRestore(await applyPendingRestore(dataDir, Date.now()));
      if (restored) console.log(restored);
      core = composeCore({
        dataDir,
        host: 'electron',
        firstRun: args.demo ? 'demo' : 'empty',
        startDevices: true,
      });
    } catch (e) {
      dialog.showErrorBox(
        'CounterDesk',
        `CounterDesk could not open its database: ${e instanceof Error ? e.message : String(e)}`,
      );
      app.exit(1);
      return;
    }
    backups = startHostBackups(core);
    createWindow(core);
  });
}

app.on('window-all-closed', () => {
  unregister?.();
  void backups?.stop();
  backups = null;
  core?.close();
  core = null;
  lock?.release();
  app.quit();
});
