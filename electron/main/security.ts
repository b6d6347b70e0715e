/**
 * Window hardening: every BrowserWindow is isolated and sandboxed, may not navigate away
 * from the app, may not open new windows, and gets a strict CSP on every response (and as a
 * `<meta>` in the built page, for `file://` loads the header hook never sees). A packaged build
 * has no DevTools at all: not in webPreferences, not by shortcut, not in a menu.
 */
import { app, Menu, session, type BrowserWindowConstructorOptions, type WebContents } from 'electron';
import { ELECTRON_CSP } from '../../shared/security/csp';
import { isAppUrl, type AppOrigin } from './app-url';
import { isDevToolsShortcut, productionMenu } from './build-mode';

export const CSP = ELECTRON_CSP;

export function secureWebPreferences(
  preload: string,
  devTools: boolean,
): BrowserWindowConstructorOptions['webPreferences'] {
  return {
    preload,
    devTools,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    spellcheck: false,
  };
}

export function hardenContents(contents: WebContents, origin: AppOrigin, devTools: boolean): void {
  if (!devTools) {
    // Belt and braces over webPreferences.devTools = false: close them if anything opens them,
    // and swallow the shortcuts before Chromium sees them.
    contents.on('devtools-opened', () => contents.closeDevTools());
    contents.on('before-input-event', (event, input) => {
      if (isDevToolsShortcut(input)) event.preventDefault();
    });
  }
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, origin.devServerUrl, origin.rendererDir)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function installAppSecurity(origin: AppOrigin, devTools: boolean): void {
  // The default menu has View → Toggle Developer Tools (and Reload); a packaged till never does.
  if (!devTools) {
    const template = productionMenu(process.platform);
    Menu.setApplicationMenu(template ? Menu.buildFromTemplate(template) : null);
  }
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [
          origin.devServerUrl ? CSP.replace("connect-src 'self'", "connect-src 'self' ws:") : CSP,
        ],
      },
    });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  app.on('web-contents-created', (_e, contents) => hardenContents(contents, origin, devTools));
}
