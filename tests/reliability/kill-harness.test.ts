/**
 * SIGKILL at random points: a real `node --import tsx` child (fixtures/kill-child.ts) imports sales
 * (JSON and CSV), commits returns (each queues its slip), takes repairs in and moves them along
 * received → diagnosing → repairing (a spare part booked: stock move) → testing → qc → ready, on a
 * real SQLite file, and is killed many times — most while it is busy, some while it is still
 * starting (migration check, print-queue recovery). The receipt printer is a slow printer on TCP
 * in this process (every status reply comes late, so a slip spends most of a second in
 * `printing`): many kills land while a job is being printed. After every kill the database is
 * opened as a restart would open it and must be sound (crash-checks.ts): integrity_check ok,
 * foreign keys, the audit chain verifies, every record the child reported (it reports only after
 * the call returned) is there with lines, tenders, slip job, stock move and audit row, no
 * half-written record exists, print jobs were neither lost nor moved backwards, and no job is
 * `done` whose slip did not reach the printer. At the end one more start prints every slip still
 * queued — the ones caught in `printing` by a kill included. Kills: COUNTERDESK_SOAK_KILLS
 * (default 30).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeCore } from '../../core/compose';
import { decodedToPlainText } from '../../core/hardware/printers/escpos-decoder';
import { SimulatedEscPosPrinter } from '../../core/hardware/printers/simulated-printer';
import { createRng } from '../../core/demo/demo-rng';
import { dbPath } from '../../core/data-dir';
import { openDatabase } from '../../db/client';
import type { SqliteDb } from '../../db/open';
import { waitFor } from '../helpers/wait-for';
import {
  emptyReported,
  parseReportLine,
  printJobStates,
  printQueueProblems,
  reportedProblems,
  structuralProblems,
} from './helpers/crash-checks';
import { soakCount } from './helpers/soak';

const ROOT = resolve(import.meta.dirname, '..', '..');
const CHILD = join(import.meta.dirname, 'fixtures', 'kill-child.ts');
const KILLS = soakCount('COUNTERDESK_SOAK_KILLS', 30);
const SEED = 0x6b111;
/** The spare part the child books onto repairs (fixtures/kill-child.ts). */
const PART_SKU = 'KILL-PART-01';

/**
 * A slow network receipt printer: every connection gets its own simulated ESC/POS printer (so a
 * job cut off by a kill cannot garble the next one), and every reply it sends back (DLE EOT
 * status) is delayed by `delayMs`. `paper()` is the text of everything that reached a printer.
 */
interface SlowPrinter {
  port: number;
  delayMs: number;
  paper(): string;
  close(): Promise<void>;
}

async function startSlowPrinter(delayMs: number): Promise<SlowPrinter> {
  const printers: SimulatedEscPosPrinter[] = [];
  const sockets = new Set<Socket>();
  const state = { delayMs };
  const server: Server = createServer((socket) => {
    const printer = new SimulatedEscPosPrinter();
    printers.push(printer);
    sockets.add(socket);
    printer.onOutput((bytes) => {
      const copy = Buffer.from(bytes);
      setTimeout(() => socket.destroyed || socket.write(copy), state.delayMs);
    });
    socket.on('data', (chunk: Buffer) =>
      printer.receive(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)),
    );
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(ms: number) {
      state.delayMs = ms;
    },
    paper: () => printers.map((p) => decodedToPlainText(p.printed, p.columns).join('\n')).join('\n'),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}

let dataDir = '';
let printer: SlowPrinter;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'cd-kill-'));
  printer = await startSlowPrinter(80);
  const core = composeCore({ dataDir, host: 'cli', firstRun: 'demo', log: { error: () => undefined } });
  const db = core.ctx.db.sqlite;
  // The receipt printer is the slow one on TCP; a spare part in stock for the repairs (opening move).
  db.prepare(`UPDATE devices SET transport = ? WHERE kind = 'printer'`).run(
    JSON.stringify({ type: 'tcp', host: '127.0.0.1', port: printer.port }),
  );
  db.prepare(
    `INSERT INTO spare_parts (sku, name, stock_qty, low_stock_at, cost_minor, price_minor, category_code)
     VALUES (?, '测试备件 · Kill-test part', 100000, 1, 500, 900, NULL)`,
  ).run(PART_SKU);
  db.prepare(
    `INSERT INTO stock_moves (at, store_id, product_id, sku, qty_delta, bucket, reason, ref_type, ref_id, staff_id)
     VALUES (?, ?, NULL, ?, 100000, 'spare_parts', 'opening_stock', 'test_seed', 'spare_parts', NULL)`,
  ).run(Date.now(), core.ctx.storeId, PART_SKU);
  core.close();
});
afterAll(async () => {
  await printer?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Jobs marked printed whose document never reached the printer (its number is not on the paper). */
function printedButNotSent(db: SqliteDb): string[] {
  const paper = printer.paper();
  const done = db
    .prepare(`SELECT id, doc_ref AS docRef FROM print_jobs WHERE status = 'done' AND doc_ref IS NOT NULL`)
    .all() as { id: number; docRef: string }[];
  return done
    .filter((j) => !paper.includes(j.docRef))
    .map((j) => `print job ${j.id} (${j.docRef}) done but never sent`);
}

interface Round {
  lines: string[];
  stderr: string;
  signal: NodeJS.Signals | null;
  code: number | null;
}

/** Runs one child and SIGKILLs it `delayMs` after READY (or after spawn when `early`). */
async function runAndKill(seed: number, delayMs: number, early: boolean): Promise<Round> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      CHILD,
      dataDir,
      String(seed),
      join(dataDir, 'returnables.txt'),
      join(dataDir, 'repairs.txt'),
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const round: Round = { lines: [], stderr: '', signal: null, code: null };
  let buffered = '';
  let ready = false;
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (t: string) => {
    buffered += t;
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    for (const line of parts) {
      if (line === 'READY') ready = true;
      else round.lines.push(line);
    }
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (t: string) => (round.stderr += t));
  const exited = once(child, 'exit');
  if (!early) await waitFor(() => ready || child.exitCode !== null, `child ${seed} to be ready`, 30_000);
  await new Promise((r) => setTimeout(r, delayMs));
  child.kill('SIGKILL');
  const [code, signal] = (await exited) as [number | null, NodeJS.Signals | null];
  round.code = code;
  round.signal = signal;
  // A line cut off by the kill was never completely written: it does not count as reported.
  return round;
}

describe(`SIGKILL in the middle of counter work (${KILLS} kills)`, () => {
  it(
    'after every kill the database is sound and nothing reported as committed is missing',
    async () => {
      const rng = createRng(SEED);
      let printJobsChecked = 0;
      const reported = emptyReported();
      const pristine = openDatabase(dbPath(dataDir));
      expect(structuralProblems(pristine.sqlite)).toEqual([]);
      let printBefore = printJobStates(pristine.sqlite);
      pristine.close();
      let checked = 0;
      let killedBusy = 0;
      /** Print jobs a kill caught in `printing` (the slip was being sent). */
      const caughtPrinting = new Set<number>();
      let killsWhilePrinting = 0;
      for (let k = 0; k < KILLS; k++) {
        const early = rng.chance(0.15);
        const delay = early ? rng.int(0, 1500) : rng.int(5, 600);
        const round = await runAndKill(SEED + k, delay, early);
        expect(round.signal, `round ${k}: child ended on its own (${round.code}): ${round.stderr}`).toBe(
          'SIGKILL',
        );
        for (const line of round.lines) parseReportLine(line, reported);
        if (round.lines.length > 0) killedBusy++;

        const db = openDatabase(dbPath(dataDir));
        try {
          const structural = structuralProblems(db.sqlite);
          const missing = reportedProblems(db.sqlite, reported);
          const after = printJobStates(db.sqlite);
          const queue = printQueueProblems(printBefore, after);
          const printing = [...after].filter(([, st]) => st === 'printing').map(([id]) => id);
          if (printing.length > 0) killsWhilePrinting++;
          for (const id of printing) caughtPrinting.add(id);
          expect(
            [...structural, ...missing.problems, ...queue, ...printedButNotSent(db.sqlite)],
            `after kill ${k} (delay ${delay} ms${early ? ' from spawn' : ''})`,
          ).toEqual([]);
          checked += missing.checked;
          printBefore = after;
        } finally {
          db.close();
        }
      }
      // The kills landed while the child was working, not only while it was starting.
      expect(killedBusy).toBeGreaterThan(KILLS / 2);
      expect(reported.returns.size).toBeGreaterThan(0);
      expect(reported.imports.size).toBeGreaterThan(0);
      expect(reported.repairs.size).toBeGreaterThan(0);
      expect(reported.parts.size).toBeGreaterThan(0);
      expect([...reported.repairs.values()]).toContain('ready');
      expect(killsWhilePrinting).toBeGreaterThan(0);

      // One more start (a fast printer now): interrupted slips are requeued and every queued slip prints.
      printer.delayMs = 0;
      const core = composeCore({ dataDir, host: 'cli', startDevices: true, log: { error: () => undefined } });
      try {
        const db = core.ctx.db.sqlite;
        const backlog = (
          db.prepare(`SELECT count(*) AS n FROM print_jobs WHERE status IN ('queued', 'printing')`).get() as {
            n: number;
          }
        ).n;
        await waitFor(
          () =>
            (
              db
                .prepare(`SELECT count(*) AS n FROM print_jobs WHERE status IN ('queued', 'printing')`)
                .get() as { n: number }
            ).n === 0,
          `every queued slip (${backlog}) to print after the last restart`,
          60_000 + backlog * 100,
          20,
        );
        const unprinted = db
          .prepare(
            `SELECT count(*) AS n FROM returns r WHERE NOT EXISTS (SELECT 1 FROM print_jobs j WHERE j.doc_ref = r.id AND j.status = 'done')`,
          )
          .get() as { n: number };
        expect(unprinted.n).toBe(0);
        expect(structuralProblems(db)).toEqual([]);
        expect(printedButNotSent(db)).toEqual([]);
        // Every job a kill caught while printing was requeued (its attempt marked interrupted) and printed later.
        const caught = [...caughtPrinting].map(
          (id) =>
            db
              .prepare(
                `SELECT j.status, (SELECT count(*) FROM print_attempts p WHERE p.job_id = j.id AND p.outcome = 'interrupted') AS interrupted
                 FROM print_jobs j WHERE j.id = ?`,
              )
              .get(id) as { status: string; interrupted: number },
        );
        expect(caught.filter((c) => c.status !== 'done' || c.interrupted < 1)).toEqual([]);
        printJobsChecked = (db.prepare('SELECT count(*) AS n FROM print_jobs').get() as { n: number }).n;
      } finally {
        core.close();
      }
      console.info(
        `kill harness: ${KILLS} kills survived (${killedBusy} mid-work, ${killsWhilePrinting} while a slip was printing); ` +
          `records checked after each kill: ${checked} in total; reported ${reported.returns.size} returns, ` +
          `${reported.imports.size} imports, ${reported.repairs.size} repairs ` +
          `(${[...reported.repairs.values()].filter((s) => s === 'ready').length} to ready), ${reported.parts.size} parts booked; ` +
          `print jobs checked: ${printJobsChecked} (${caughtPrinting.size} caught printing by a kill, all requeued and printed)`,
      );
    },
    Math.max(240_000, KILLS * 6_000),
  );
});
