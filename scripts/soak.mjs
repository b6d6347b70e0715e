// `npm run soak -- --kills N [--frames N]`: the long reliability run, not part of `npm test`.
// Runs the SIGKILL harness (tests/reliability/kill-harness.test.ts) with N kills during commits,
// prints and imports — every kill followed by integrity, audit-chain and lost-record checks — and,
// with --frames, the fuzz run (`npm run fuzz`). Figures go to docs/RELIABILITY.md.
import { spawnSync } from 'node:child_process';
import { root } from './native-modules.mjs';

function flag(name) {
  const i = process.argv.indexOf(`--${name}`);
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
  return eq ? eq.slice(name.length + 3) : i >= 0 ? process.argv[i + 1] : undefined;
}
const kills = Number(flag('kills') ?? 1000);
const frames = flag('frames');
if (!Number.isInteger(kills) || kills < 1) {
  console.error('usage: npm run soak -- --kills N [--frames N]');
  process.exit(2);
}
const started = Date.now();
const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;
let status = run('npx', ['vitest', 'run', 'tests/reliability/kill-harness.test.ts'], {
  COUNTERDESK_SOAK_KILLS: String(kills),
});
if (frames !== undefined) status ||= run('npx', ['tsx', 'tests/reliability/fuzz/run.ts', '--frames', frames]);
console.log(`soak: ${status === 0 ? 'passed' : 'FAILED'} in ${Math.round((Date.now() - started) / 1000)} s`);
process.exit(status);
