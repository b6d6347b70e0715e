/** Navigation allow-list, kept free of Electron imports so it is unit-tested in plain Node. */
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Is this URL the app itself: the dev server's origin, or a file inside the built renderer folder?
 * Anything else (other sites, other local files) is refused.
 */
export function isAppUrl(url: string, devServerUrl: string | undefined, rendererDir: string): boolean {
  try {
    const u = new URL(url);
    if (devServerUrl && u.origin === new URL(devServerUrl).origin) return true;
    if (u.protocol !== 'file:') return false;
    const path = fileURLToPath(u);
    return path.startsWith(rendererDir.endsWith(sep) ? rendererDir : rendererDir + sep);
  } catch {
    return false;
  }
}

/** Where the app's own pages come from. */
export interface AppOrigin {
  devServerUrl: string | undefined;
  rendererDir: string;
}
