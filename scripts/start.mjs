// `npm start`: the Electron app where the Electron binary exists; otherwise one clear line and the
// same app in the browser host. Native modules are switched to the runtime about to be used.
import { spawnSync } from 'node:child_process';
import { electronBinary, electronVersion, recordedRuntime, root } from './native-modules.mjs';
import { runWebHost } from './dev-web.mjs';

const argv = process.argv.slice(2);
const exe = electronBinary();

if (!exe) {
  console.log(
    'CounterDesk: the Electron binary is not installed on this machine (its download was skipped or is unavailable) — starting CounterDesk in your browser instead.',
  );
  runWebHost([...argv, '--open']);
} else {
  const want = `electron-${electronVersion()}`;
  if (recordedRuntime() !== want) {
    console.log(
      `CounterDesk: native modules are built for ${recordedRuntime() ?? 'Node'}; rebuilding them for Electron…`,
    );
    const r = spawnSync(process.execPath, ['scripts/rebuild-native.mjs', 'electron'], {
      cwd: root,
      stdio: 'inherit',
    });
    if (r.status !== 0) {
      console.error(
        'CounterDesk: run `npm run rebuild:electron` (needs internet once), or use `npm run dev:web` for the browser host.',
      );
      process.exit(1);
    }
  }
  const r = spawnSync('npx', ['electron-vite', 'preview', '--', ...argv], { cwd: root, stdio: 'inherit' });
  process.exit(r.status ?? 0);
}
