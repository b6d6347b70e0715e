// Which native modules CounterDesk uses, and which runtime (plain Node or Electron) they were last built for.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const NATIVE_MODULES = ['better-sqlite3', 'node-hid', '@serialport/bindings-cpp'];
const MARKER = join(root, 'node_modules', '.counterdesk-native-runtime');

/** The Electron executable, or null when its binary was never downloaded (never triggers a download). */
export function electronBinary() {
  const dir = join(root, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const exe = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(exe) ? exe : null;
}

export function electronVersion() {
  return JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
}

export function recordedRuntime() {
  return existsSync(MARKER) ? readFileSync(MARKER, 'utf8').trim() : null;
}

export function recordRuntime(runtime) {
  writeFileSync(MARKER, `${runtime}\n`);
}

/** Does better-sqlite3 load in this machine's Node? (A child process, so a crash cannot hurt the caller.) */
export function nativeLoadsInNode() {
  const probe = `const D=require('better-sqlite3');new D(':memory:').close();`;
  const r = spawnSync(process.execPath, ['-e', probe], { cwd: root, encoding: 'utf8' });
  return {
    ok: r.status === 0,
    detail: (r.stderr || '').split('\n').find((l) => /NODE_MODULE_VERSION|Error/.test(l)) ?? '',
  };
}

export function moduleDir(name) {
  return dirname(createRequire(join(root, 'package.json')).resolve(`${name}/package.json`));
}
