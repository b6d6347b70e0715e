/**
 * Scan-to-screen in Chromium (Playwright) against the real web host (`node --import tsx
 * core/main-web.ts`) on the bench data directory: a keyboard-wedge scan of a receipt number is
 * dispatched inside the page (CDP keystrokes are far slower than any scanner) and timed in the page
 * until the Returns screen shows that receipt. When the built renderer has no Returns screen yet
 * (dist-web older than the screen), the figure is scan → route change (`#/returns?receipt=…`) and
 * says so. Also reports the web host's RSS after the scans.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import Database from 'better-sqlite3';
import { dbPath } from '../../../core/data-dir';
import type { Figure } from '../harness';
import { percentile } from '../harness';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');

/** Resident set size of a process in MB (Linux /proc), or NaN. */
export function rssOfPid(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m?.[1] ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Does the built renderer contain the Returns screen's sale view? */
function rendererHasReturnsScreen(staticDir: string): boolean {
  const assets = join(staticDir, 'assets');
  if (!existsSync(assets)) return false;
  return readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .some((f) => readFileSync(join(assets, f), 'utf8').includes('choose-lines'));
}

/** A running web host (`core/main-web.ts`) and the URL it serves. */
export interface WebHost {
  child: ChildProcess;
  url: string;
}

/** Stops a web host and waits until it has exited. */
export async function stopHost(host: WebHost): Promise<void> {
  if (host.child.exitCode !== null) return;
  const exited = new Promise((r) => host.child.once('exit', r));
  host.child.kill('SIGTERM');
  await exited;
}

/** Starts the web host on `dataDir`, serving `staticDir` (resolves once it says where it runs). */
export function startHost(dataDir: string, staticDir: string): Promise<WebHost> {
  const env = { ...process.env };
  delete env.COUNTERDESK_BRIDGE_TOKEN;
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'core/main-web.ts',
      '--data-dir',
      dataDir,
      '--port',
      '0',
      '--static-dir',
      staticDir,
      '--no-demo',
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env },
  );
  let out = '';
  return new Promise((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${out}`)), 90_000);
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolveUrl({ child, url: m[1] });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited (${String(code)}):\n${out}`));
    });
  });
}

/** In the page: dispatch a wedge burst, resolve with ms until `done(code)` holds. */
const SCAN_AND_WAIT = `async ([code, mode]) => {
  const done = () => mode === 'route'
    ? decodeURIComponent(location.hash).includes(code)
    : Array.from(document.querySelectorAll('[data-testid="choose-lines"]')).some((e) => (e.closest('main') ?? e).textContent.includes(code));
  if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
  const t0 = performance.now();
  const target = document.body;
  for (const key of [...code, 'Enter']) {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    target.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true }));
  }
  if (done()) return performance.now() - t0;
  return await new Promise((resolve, reject) => {
    const finish = () => { if (done()) { obs.disconnect(); window.removeEventListener('hashchange', finish); clearTimeout(timer); resolve(performance.now() - t0); } };
    const obs = new MutationObserver(finish);
    obs.observe(document.body, { subtree: true, childList: true, characterData: true });
    window.addEventListener('hashchange', finish);
    const timer = setTimeout(() => { obs.disconnect(); reject(new Error('scan ' + code + ' not shown in 10 s')); }, 10000);
  });
}`;

/** The built renderer the bench serves (COUNTERDESK_BENCH_STATIC, else dist-web). */
export function benchStaticDir(): string {
  return resolve(ROOT, process.env.COUNTERDESK_BENCH_STATIC ?? 'dist-web');
}

/**
 * Scan-to-screen p95 (or scan → route change) and the web host's RSS. With `keep`, the host is
 * handed over still running (the rss group measures it after the rest of the bench) instead of stopped.
 */
export async function browserFigures(
  dataDir: string,
  _end: number,
  quick: boolean,
  keep?: (host: WebHost) => void,
): Promise<Figure[]> {
  const staticDir = benchStaticDir();
  if (!existsSync(join(staticDir, 'index.html')))
    throw new Error(`renderer not built in ${staticDir}: run npm run build:renderer`);
  const mode = rendererHasReturnsScreen(staticDir) ? 'screen' : 'route';
  const db = new Database(dbPath(dataDir), { readonly: true });
  const receipts = (
    db
      .prepare(
        `SELECT receipt_no AS r FROM sales WHERE id IN (SELECT id FROM sales ORDER BY sold_at DESC LIMIT 5000) ORDER BY random() LIMIT 400`,
      )
      .all() as { r: string }[]
  ).map((x) => x.r);
  db.close();
  const host = await startHost(dataDir, staticDir);
  const { child, url } = host;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
    await page.goto(url);
    const code = page.locator('input[name="staffCode"]');
    await code.waitFor({ timeout: 30_000 });
    await code.focus();
    await page.keyboard.type('1001');
    await page.keyboard.press('Enter');
    await page.locator('input[name="pin"]').waitFor();
    await page.keyboard.type('1111');
    await page.keyboard.press('Enter');
    await page.getByTestId('signed-in').waitFor({ timeout: 30_000 });
    const n = quick ? 30 : 200;
    const warmup = 10;
    const times: number[] = [];
    for (let i = 0; i < n + warmup; i++) {
      const r = receipts[i % receipts.length] ?? '';
      const ms = (await page.evaluate(`(${SCAN_AND_WAIT})(${JSON.stringify([r, mode])})`)) as number;
      if (i >= warmup) times.push(ms);
    }
    times.sort((a, b) => a - b);
    const hostRss = child.pid ? rssOfPid(child.pid) : NaN;
    return [
      {
        name: mode === 'screen' ? 'scan-to-screen p95' : 'scan-to-screen p95 (route change only)',
        value: percentile(times, 95),
        unit: 'ms',
        target: { op: '<=', value: 100 },
        note:
          mode === 'screen'
            ? `p50 ${percentile(times, 50).toFixed(1)} ms, ${n} scans, Chromium`
            : `built renderer has no Returns sale view: scan → #/returns?receipt= only; p50 ${percentile(times, 50).toFixed(1)} ms`,
      },
      { name: 'web host RSS after the scans', value: hostRss, unit: 'MB', target: { op: '<=', value: 200 } },
    ];
  } finally {
    await browser.close();
    if (keep) keep(host);
    else await stopHost(host);
  }
}
