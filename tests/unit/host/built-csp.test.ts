/**
 * The built pages carry the CSP as a <meta http-equiv> (Electron's header hook never sees the
 * packaged app's file:// load). Reads the build output: `npx electron-vite build` makes
 * out/renderer, `npm run build:renderer` makes dist-web (npm test builds both where it can).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSP as WEB_CSP } from '../../../core/bridge/static-files';
import { ELECTRON_CSP, metaPolicy } from '../../../shared/security/csp';

const root = join(import.meta.dirname, '..', '..', '..');

function metaCsp(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = m[0];
    if (!/http-equiv\s*=\s*"Content-Security-Policy"/i.test(tag)) continue;
    out.push(/content\s*=\s*"([^"]*)"/i.exec(tag)?.[1]?.replaceAll('&#39;', "'") ?? '');
  }
  return out;
}

const builds = [
  {
    name: 'Electron (out/renderer)',
    file: 'out/renderer/index.html',
    csp: ELECTRON_CSP,
    how: 'npx electron-vite build',
  },
  { name: 'web host (dist-web)', file: 'dist-web/index.html', csp: WEB_CSP, how: 'npm run build:renderer' },
];

describe('built index.html carries the CSP meta', () => {
  for (const b of builds) {
    const path = join(root, b.file);
    it.skipIf(!existsSync(path))(
      `${b.name}${existsSync(path) ? '' : ` — SKIPPED: ${b.file} absent, run \`${b.how}\``}`,
      () => {
        const html = readFileSync(path, 'utf8');
        const metas = metaCsp(html);
        expect(metas).toEqual([metaPolicy(b.csp)]);
        // First in <head>, before any script or stylesheet it must govern.
        const head = html.slice(html.indexOf('<head>'));
        expect(head.indexOf('Content-Security-Policy')).toBeLessThan(head.search(/<script|<link/));
        expect(metas[0]).toContain("script-src 'self'");
        expect(metas[0]).not.toContain('unsafe-eval');
      },
    );
  }
});
