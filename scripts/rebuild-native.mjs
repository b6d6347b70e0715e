// `npm run rebuild:electron` / `npm run rebuild:node`: rebuild better-sqlite3, node-hid and serialport
// for one runtime. Never run from postinstall (the build machines cannot fetch Electron headers).
import { spawnSync } from 'node:child_process';
import {
  electronVersion,
  moduleDir,
  NATIVE_MODULES,
  nativeLoadsInNode,
  recordRuntime,
  root,
} from './native-modules.mjs';

const target = process.argv[2];
if (target !== 'electron' && target !== 'node') {
  console.error('usage: node scripts/rebuild-native.mjs electron|node');
  process.exit(2);
}

function run(cmd, args, cwd, env) {
  console.log(`  $ ${cmd} ${args.join(' ')}   (in ${cwd})`);
  return spawnSync(cmd, args, { cwd, stdio: 'inherit', env: { ...process.env, ...env } }).status === 0;
}

const env = { ...process.env };
delete env.npm_config_nodedir; // a machine-wide nodedir would build against the wrong headers
delete env.NPM_CONFIG_NODEDIR;

if (target === 'node') {
  console.log("CounterDesk: rebuilding native modules for this machine's Node " + process.version);
  const ok = run('npm', ['rebuild', ...NATIVE_MODULES], root, {});
  if (!ok || !nativeLoadsInNode().ok) {
    console.error(
      'CounterDesk: rebuild for Node failed. Run `npm rebuild ' +
        NATIVE_MODULES.join(' ') +
        '` and read its output.',
    );
    process.exit(1);
  }
  recordRuntime(`node-${process.versions.modules}`);
  console.log('CounterDesk: native modules are built for Node.');
} else {
  const version = electronVersion();
  console.log(`CounterDesk: rebuilding native modules for Electron ${version}`);
  const electronEnv = {
    npm_config_runtime: 'electron',
    npm_config_target: version,
    npm_config_disturl: 'https://electronjs.org/headers',
    npm_config_build_from_source: 'true',
  };
  let ok = true;
  for (const name of NATIVE_MODULES) {
    const dir = moduleDir(name);
    const gyp = [
      'node-gyp',
      'rebuild',
      '--release',
      '--runtime=electron',
      `--target=${version}`,
      '--dist-url=https://electronjs.org/headers',
    ];
    const built =
      (name === 'better-sqlite3' &&
        run('npx', ['prebuild-install', '--runtime=electron', `--target=${version}`], dir, {
          ...env,
          ...electronEnv,
        })) ||
      run('npx', ['--yes', ...gyp], dir, { ...env, ...electronEnv });
    ok = ok && built;
  }
  if (!ok) {
    console.error(
      `CounterDesk: could not rebuild for Electron ${version} (it needs Electron's headers from the internet once).\n` +
        '  Run `npm run rebuild:electron` on a machine with internet access, or start the browser host with `npm run dev:web`.',
    );
    process.exit(1);
  }
  recordRuntime(`electron-${version}`);
  console.log(
    `CounterDesk: native modules are built for Electron ${version}. \`npm test\` switches back to Node by itself.`,
  );
}
