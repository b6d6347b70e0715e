// `npm run dev:web`: CounterDesk in a browser. Builds the renderer when its sources changed, then
// runs core in plain Node serving the renderer and the loopback bridge (127.0.0.1, per-run token).
// Options after `--` go to the host: --data-dir DIR, --port N, --no-demo, --open.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureNodeAbi } from './ensure-node-abi.mjs';
import { root } from './native-modules.mjs';

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

export function buildRendererIfStale() {
  const index = join(root, 'dist-web', 'index.html');
  const sources = Math.max(newestMtime(join(root, 'renderer')), newestMtime(join(root, 'shared')));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return true;
  console.log('CounterDesk: building the renderer…');
  return (
    spawnSync('npx', ['vite', 'build', '--config', 'vite.web.config.ts', '--logLevel', 'warn'], {
      cwd: root,
      stdio: 'inherit',
    }).status === 0
  );
}

function openBrowser(url) {
  const opener =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const which = spawnSync(process.platform === 'win32' ? 'where' : 'which', [opener]);
  if (
    which.status !== 0 ||
    (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && process.platform === 'linux')
  ) {
    console.log(
      'CounterDesk: no desktop browser found here; open the address above in a browser on this machine.',
    );
    return;
  }
  spawn(opener, [url], { stdio: 'ignore', detached: true }).unref();
}

export function runWebHost(argv) {
  if (!ensureNodeAbi()) process.exit(1);
  if (!buildRendererIfStale()) {
    console.error('CounterDesk: the renderer build failed (see above).');
    process.exit(1);
  }
  const open = argv.includes('--open');
  const hostArgs = argv.filter((a) => a !== '--open');
  const child = spawn(process.execPath, ['--import', 'tsx', 'core/main-web.ts', ...hostArgs], {
    cwd: root,
    stdio: ['inherit', 'pipe', 'inherit'],
  });
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (text) => {
    process.stdout.write(text);
    const m = /running at (http:\/\/\S+)/.exec(text);
    if (m && open) openBrowser(m[1]);
  });
  const forward = (sig) => child.kill(sig);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (import.meta.url === `file://${process.argv[1]}`) runWebHost(process.argv.slice(2));
