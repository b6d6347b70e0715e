/**
 * What a packaged build may do, decided from plain values so it is unit-tested in Node (no
 * Electron import): a packaged app loads only its built page and never offers DevTools; an
 * unpackaged one (`npm run dev`) may load the electron-vite dev server, on loopback only.
 */
import { join } from 'node:path';

export interface BuildFacts {
  /** `app.isPackaged`. */
  isPackaged: boolean;
  env: Readonly<Record<string, string | undefined>>;
}

export type RendererEntry = { kind: 'url'; url: string } | { kind: 'file'; path: string };

/**
 * The dev server's URL (`ELECTRON_RENDERER_URL`) when it may be used: never in a packaged build
 * (a stray variable in the environment must not point the till at another page), and only an
 * http(s) URL on this machine.
 */
export function devServerUrl({ isPackaged, env }: BuildFacts): string | undefined {
  if (isPackaged) return undefined;
  const raw = env.ELECTRON_RENDERER_URL;
  if (!raw) return undefined;
  try {
    const u = new URL(raw);
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);
    return (u.protocol === 'http:' || u.protocol === 'https:') && loopback ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** The page the window loads: the dev server (unpackaged, when set) or the built index.html. */
export function rendererEntry(facts: BuildFacts & { rendererDir: string }): RendererEntry {
  const url = devServerUrl(facts);
  return url ? { kind: 'url', url } : { kind: 'file', path: join(facts.rendererDir, 'index.html') };
}

/** DevTools (window, shortcut, menu item) exist only in an unpackaged build. */
export function devToolsAllowed({ isPackaged }: Pick<BuildFacts, 'isPackaged'>): boolean {
  return !isPackaged;
}

/** Keyboard shortcuts that open DevTools in Chromium: F12, Ctrl+Shift+I/J/C, Cmd+Alt+I/J/C. */
export function isDevToolsShortcut(input: {
  type: string;
  key: string;
  control: boolean;
  meta: boolean;
  shift: boolean;
  alt: boolean;
}): boolean {
  if (input.type !== 'keyDown') return false;
  if (input.key === 'F12') return true;
  const k = input.key.toLowerCase();
  if (!['i', 'j', 'c'].includes(k)) return false;
  return (input.control && input.shift) || (input.meta && input.alt);
}

/** A menu item as Electron's `Menu.buildFromTemplate` takes it (roles only). */
export interface MenuRole {
  role: 'appMenu' | 'editMenu' | 'windowMenu';
}

/**
 * The application menu of a packaged build: never View (Reload, Toggle Developer Tools). macOS
 * keeps the app menu (Quit) and Edit (⌘C/⌘V only work through a menu there); elsewhere no menu at
 * all (copy and paste work without one). null = `Menu.setApplicationMenu(null)`.
 */
export function productionMenu(platform: string): MenuRole[] | null {
  return platform === 'darwin' ? [{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }] : null;
}
