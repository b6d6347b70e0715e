import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  devServerUrl,
  devToolsAllowed,
  isDevToolsShortcut,
  productionMenu,
  rendererEntry,
} from '../../../electron/main/build-mode';
import { ELECTRON_CSP, metaPolicy } from '../../../shared/security/csp';

const rendererDir = join('/opt', 'CounterDesk', 'resources', 'app', 'out', 'renderer');
const DEV = 'http://localhost:5173/';

describe('a packaged Electron build', () => {
  it('loads only the built file, even with ELECTRON_RENDERER_URL set', () => {
    const env = { ELECTRON_RENDERER_URL: DEV };
    expect(rendererEntry({ isPackaged: true, env, rendererDir })).toEqual({
      kind: 'file',
      path: join(rendererDir, 'index.html'),
    });
    expect(devServerUrl({ isPackaged: true, env })).toBeUndefined();
  });

  it('has no menu item that opens DevTools or reloads the page, on any platform', () => {
    for (const platform of ['win32', 'linux', 'darwin']) {
      const roles = JSON.stringify(productionMenu(platform));
      expect(roles, platform).not.toMatch(/toggleDevTools|viewMenu|reload|forceReload|defaultMenu/i);
    }
    expect(productionMenu('win32')).toBeNull();
  });

  it('never allows DevTools', () => {
    expect(devToolsAllowed({ isPackaged: true })).toBe(false);
    expect(devToolsAllowed({ isPackaged: false })).toBe(true);
  });
});

describe('an unpackaged (dev) build', () => {
  it('loads the dev server when ELECTRON_RENDERER_URL is set, the file otherwise', () => {
    expect(rendererEntry({ isPackaged: false, env: { ELECTRON_RENDERER_URL: DEV }, rendererDir })).toEqual({
      kind: 'url',
      url: DEV,
    });
    expect(rendererEntry({ isPackaged: false, env: {}, rendererDir }).kind).toBe('file');
  });

  it('refuses a dev server URL that is not http(s) on this machine', () => {
    for (const url of [
      'https://evil.example/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'http://192.168.1.5:5173/',
      'not a url',
    ]) {
      expect(devServerUrl({ isPackaged: false, env: { ELECTRON_RENDERER_URL: url } }), url).toBeUndefined();
    }
    expect(devServerUrl({ isPackaged: false, env: { ELECTRON_RENDERER_URL: 'http://127.0.0.1:5173' } })).toBe(
      'http://127.0.0.1:5173/',
    );
  });
});

describe('DevTools shortcuts', () => {
  const key = (k: string, m: Partial<{ control: boolean; meta: boolean; shift: boolean; alt: boolean }>) => ({
    type: 'keyDown',
    key: k,
    control: false,
    meta: false,
    shift: false,
    alt: false,
    ...m,
  });
  it('recognises F12, Ctrl+Shift+I/J/C and Cmd+Alt+I', () => {
    expect(isDevToolsShortcut(key('F12', {}))).toBe(true);
    expect(isDevToolsShortcut(key('I', { control: true, shift: true }))).toBe(true);
    expect(isDevToolsShortcut(key('j', { control: true, shift: true }))).toBe(true);
    expect(isDevToolsShortcut(key('c', { control: true, shift: true }))).toBe(true);
    expect(isDevToolsShortcut(key('i', { meta: true, alt: true }))).toBe(true);
  });
  it('leaves the counter hotkeys alone', () => {
    expect(isDevToolsShortcut(key('F8', {}))).toBe(false);
    expect(isDevToolsShortcut(key('c', { control: true }))).toBe(false);
    expect(isDevToolsShortcut({ ...key('F12', {}), type: 'keyUp' })).toBe(false);
  });
});

describe('the CSP as a meta', () => {
  it('keeps every directive a meta honours and drops frame-ancestors', () => {
    const m = metaPolicy(ELECTRON_CSP);
    expect(m).toContain("script-src 'self'");
    expect(m).toContain("object-src 'none'");
    expect(m).not.toContain('frame-ancestors');
  });
});

describe('electron/main', () => {
  it('reads ELECTRON_RENDERER_URL and opens DevTools nowhere but through build-mode.ts', () => {
    const dir = join(import.meta.dirname, '..', '..', '..', 'electron', 'main');
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts') && n !== 'build-mode.ts')) {
      const src = readFileSync(join(dir, f), 'utf8');
      expect(src, f).not.toMatch(/env\.ELECTRON_RENDERER_URL|\[['"]ELECTRON_RENDERER_URL/);
      expect(src, f).not.toMatch(/openDevTools|toggleDevTools\(/);
    }
  });
});
