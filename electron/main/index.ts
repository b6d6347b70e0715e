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
import { devServerUrl, devToolsAllowed, rendererEntry } from './build-mode';
import { registerIpc } from './ipc';
import { hardenContents, installAppSecurity, secureWebPreferences } from './security';

// A packaged build never loads ELECTRON_RENDERER_URL and never offers DevTools (build-mode.ts).
const build = { isPackaged: app.isPackaged, env: process.env };
const rendererDir = join(__dirname, '../renderer');
const origin: AppOrigin = { devServerUrl: devServerUrl(build), rendererDir };
const devTools = devToolsAllowed(build);
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
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.cjs'), devTools),
  });
  hardenContents(win.webContents, origin, devTools);
  unregister = registerIpc(c, win, origin);
  win.once('ready-to-show', () => win.show());
  const entry = rendererEntry({ ...build, rendererDir });
  if (entry.kind === 'url') void win.loadURL(entry.url);
  else void win.loadFile(entry.path);
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
    installAppSecurity(origin, devTools);
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
