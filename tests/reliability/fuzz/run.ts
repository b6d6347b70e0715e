/**
 * `npm run fuzz -- --frames N [--only a,b] [--seed S]`: feeds N fuzzed frames (default 1,000,000) to
 * every byte/text parser against its oracle, prints one line per parser (frames, hostile, throws,
 * wrong values, time) and writes fuzz-results.json. Exit 1 when any parser threw or gave a wrong value.
 * Not part of `npm test` (CI runs the same targets short: tests/reliability/fuzz-targets.test.ts).
 */
import { writeFileSync } from 'node:fs';
import { createRng } from '../../../core/demo/demo-rng';
import { FUZZ_TARGETS } from './targets';
import type { Tally } from './tally';

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
  return eq ? eq.slice(name.length + 3) : i >= 0 ? process.argv[i + 1] : undefined;
}

const frames = Number(flag('frames') ?? 1_000_000);
const seed = Number(flag('seed') ?? 0x5eed);
const only = flag('only')?.split(',');
if (!Number.isInteger(frames) || frames < 1) throw new Error('--frames must be a positive whole number');
const unknown = (only ?? []).filter((n) => !FUZZ_TARGETS.some((t) => t.name === n));
if (unknown.length)
  throw new Error(
    `unknown fuzz target(s) ${unknown.join(', ')}; known: ${FUZZ_TARGETS.map((t) => t.name).join(', ')}`,
  );

const results: (Tally & { seconds: number; seed: number; frame: string })[] = [];
for (const target of FUZZ_TARGETS.filter((t) => !only || only.includes(t.name))) {
  const started = process.hrtime.bigint();
  const tally = target.run(createRng(seed), frames);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  results.push({ ...tally, seconds, seed, frame: target.frame });
  console.log(
    `${target.name.padEnd(14)} ${String(tally.frames).padStart(9)} frames  ${String(tally.hostile).padStart(8)} hostile  ` +
      `${tally.throws} throws  ${tally.wrong} wrong  ${seconds.toFixed(1)} s  (${target.frame})`,
  );
  for (const ex of tally.examples) console.log(`    ${ex}`);
}
writeFileSync(
  'fuzz-results.json',
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, results }, null, 2)}\n`,
);
const bad = results.filter((r) => r.throws > 0 || r.wrong > 0);
console.log(
  bad.length === 0
    ? 'fuzz: 0 throws, 0 wrong values'
    : `fuzz: problems in ${bad.map((r) => r.target).join(', ')}`,
);
process.exit(bad.length === 0 ? 0 : 1);
