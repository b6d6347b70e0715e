// Before tests, the CLI or the web host: make sure native modules load in this machine's Node,
// rebuilding them if they were last built for Electron. Nobody should meet a NODE_MODULE_VERSION crash.
import { spawnSync } from 'node:child_process';
import { nativeLoadsInNode, recordRuntime, root } from './native-modules.mjs';

export function ensureNodeAbi() {
  const probe = nativeLoadsInNode();
  if (probe.ok) {
    recordRuntime(`node-${process.versions.modules}`);
    return true;
  }
  console.log(
    `CounterDesk: native modules do not load in Node ${process.version} (${probe.detail.trim()}); rebuilding them for Node…`,
  );
  const r = spawnSync(process.execPath, ['scripts/rebuild-native.mjs', 'node'], {
    cwd: root,
    stdio: 'inherit',
  });
  return r.status === 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exit(ensureNodeAbi() ? 0 : 1);
}
