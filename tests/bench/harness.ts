/**
 * The benchmark harness: figures are measured, printed as `name  value  unit  [ratio]` with a
 * PASS/MISS against their target, and written to bench-results.json. Not a test: nothing here fails a build.
 * A figure that could not be measured (an error, a missing tool, a NaN) is always a MISS with its
 * reason, never `ok`.
 */
import { writeFileSync } from 'node:fs';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** Target, e.g. { op: '<=', value: 0.5 }. */
  target?: { op: '<=' | '>='; value: number };
  /** Ratio to the same-run baseline and its target. */
  ratio?: { value: number; baseline: string; target?: number };
  note?: string;
  /** Why the figure could not be measured; such a figure is always a miss. */
  error?: string;
}

/** The figure for a group (or measurement) that failed: a miss that says why. */
export function errorFigure(name: string, reason: string): Figure {
  return { name, value: NaN, unit: 'error', error: reason };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx] ?? NaN;
}

/** Times `fn` `n` times (after `warmup` runs) and returns sorted durations in ms. */
export function timeMany(n: number, fn: (i: number) => void, warmup = Math.min(200, n)): number[] {
  for (let i = 0; i < warmup; i++) fn(i);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    fn(i);
    out[i] = Number(process.hrtime.bigint() - t) / 1e6;
  }
  return out.sort((a, b) => a - b);
}

export async function timeManyAsync(
  n: number,
  fn: (i: number) => Promise<unknown>,
  warmup = Math.min(200, n),
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    await fn(i);
    out[i] = Number(process.hrtime.bigint() - t) / 1e6;
  }
  return out.sort((a, b) => a - b);
}

/** True when the figure was measured and meets its targets (a figure without targets only needs a value). */
export function meets(f: Figure): boolean {
  if (f.error !== undefined || !Number.isFinite(f.value)) return false;
  const t = f.target;
  const ok = !t || (t.op === '<=' ? f.value <= t.value : f.value >= t.value);
  const r = f.ratio;
  return ok && (!r || r.target === undefined || r.value <= r.target);
}

/** The table's verdict column: MISS for an unmeasured figure or a missed target, ok for a met one, blank when there is no target. */
export function verdict(f: Figure): 'ok' | 'MISS' | '' {
  if (!meets(f)) return 'MISS';
  return f.target || f.ratio?.target ? 'ok' : '';
}

export function printTable(figures: Figure[]): void {
  const fmt = (n: number) =>
    Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 1 ? n.toFixed(2) : n.toFixed(4);
  for (const f of figures) {
    const ratio = f.ratio ? `${f.ratio.value.toFixed(2)}× ${f.ratio.baseline}` : '';
    const target = f.target
      ? `target ${f.target.op} ${f.target.value}${f.ratio?.target ? `, ratio ≤ ${f.ratio.target}×` : ''}`
      : '';
    console.log(
      `${f.name.padEnd(46)} ${fmt(f.value).padStart(10)} ${f.unit.padEnd(10)} ${ratio.padEnd(28)} ${verdict(f).padEnd(5)} ${target}${f.note ? `  (${f.note})` : ''}${f.error !== undefined ? `  (error: ${f.error.split('\n')[0]})` : ''}`,
    );
  }
}

export function writeResults(file: string, mode: string, figures: Figure[]): void {
  writeFileSync(
    file,
    JSON.stringify(
      {
        mode,
        at: new Date().toISOString(),
        node: process.version,
        figures: figures.map((f) => ({ ...f, ok: meets(f) })),
      },
      null,
      2,
    ),
  );
}
