/**
 * Meter reading ingest: real ES51922 (UT61E) packet bytes in serial-sized chunks → the driver's
 * parser → stable capture → batched inserts into meter_readings on a real SQLite file
 * (synchronous=FULL). Target ≥ 2,000 readings/s with zero lost.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../db/client';
import { encodeEs51922 } from '../../../core/hardware/meters/es51922-encoder';
import { createUt61eParser } from '../../../core/hardware/meters/ut61e-parser';
import { createStableCapture } from '../../../shared/domain/meter/stable-capture';
import type { Figure } from '../harness';

export function meterFigures(quick: boolean): Figure[] {
  const packets = quick ? 20_000 : 200_000;
  const parts: Uint8Array[] = [];
  for (let i = 0; i < packets; i++) {
    const enc = encodeEs51922({ function: 'DCV', value: 19.47 + ((i % 7) - 3) * 0.001 });
    if (!enc.ok) throw new Error(`encoder refused a bench packet: ${enc.reason}`);
    parts.push(enc.bytes);
  }
  const stream = Buffer.concat(parts);
  const dir = mkdtempSync(join(tmpdir(), 'cd-bench-meter-'));
  const db = openDatabase(join(dir, 'meter.sqlite'));
  try {
    const insert = db.sqlite.prepare(
      'INSERT INTO meter_readings (at, device_id, job_id, value, unit, fn, overload) VALUES (?, 1, ?, ?, ?, ?, ?)',
    );
    const flush = db.sqlite.transaction(
      (batch: { at: number; value: number | null; unit: string; fn: string; overload: boolean }[]) => {
        for (const r of batch) insert.run(r.at, 'J-BENCH', r.value, r.unit, r.fn, r.overload ? 1 : 0);
      },
    );
    const parser = createUt61eParser();
    const capture = createStableCapture({ count: 5, tolerancePct: 0.1 });
    let captures = 0;
    let parsed = 0;
    let pending: { at: number; value: number | null; unit: string; fn: string; overload: boolean }[] = [];
    const t0 = process.hrtime.bigint();
    for (let off = 0; off < stream.length; off += 64) {
      const at = 1_795_000_000_000 + off;
      for (const r of parser.push(stream.subarray(off, off + 64), at)) {
        parsed++;
        if (capture.push(r)) {
          captures++;
          capture.reset();
        }
        pending.push({ at: r.at, value: r.value, unit: r.unit, fn: r.function, overload: r.overload });
        if (pending.length >= 500) {
          flush(pending);
          pending = [];
        }
      }
    }
    if (pending.length) flush(pending);
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const stored = (db.sqlite.prepare('SELECT count(*) AS n FROM meter_readings').get() as { n: number }).n;
    // By design the parser emits nothing until it has seen two whole packets in a row (start-up sync:
    // the first segment is partial-or-not-known, the second unconfirmed), so 2 packets never count.
    const STARTUP_HELD = 2;
    const lost = packets - STARTUP_HELD - stored;
    return [
      {
        name: 'meter ingest (parse → capture → DB)',
        value: stored / seconds,
        unit: 'readings/s',
        target: { op: '>=', value: 2000 },
      },
      {
        name: 'meter ingest readings lost',
        value: lost,
        unit: 'readings',
        target: { op: '<=', value: 0 },
        note: `${parsed} parsed, ${stored} stored, ${captures} stable captures, ${STARTUP_HELD} held at start-up sync`,
      },
    ];
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
