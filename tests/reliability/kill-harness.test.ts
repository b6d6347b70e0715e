/**
 * SIGKILL at random points: a real `node --import tsx` child (fixtures/kill-child.ts) imports sales,
 * commits returns (each queues its slip, which the child's print worker prints on the demo store's
 * simulated printer) and takes repairs in, on a real SQLite file, and is killed many times — most
 * while it is busy, some while it is still starting (migration check, print-queue recovery). After
 * every kill the database is opened as a restart would open it and must be sound (crash-checks.ts):
 * integrity_check ok, foreign keys, the audit chain verifies, every record the child reported (it
 * reports only after the call returned) is there with lines, tenders, slip job and audit row, no
 * half-written record exists, and print jobs were neither lost nor moved backwards. At the end one
 * more start prints every slip still queued. Kills: COUNTERDESK_SOAK_KILLS (default 30).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeCore } from '../../core/compose';
import { createRng } from '../../core/demo/demo-rng';
import { dbPath } from '../../core/data-dir';
import { openDatabase } from '../../db/client';
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

let dataDir = '';
beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'cd-kill-'));
  composeCore({ dataDir, host: 'cli', firstRun: 'demo', log: { error: () => undefined } }).close();
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

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
    ['--import', 'tsx', CHILD, dataDir, String(seed), join(dataDir, 'returnables.txt')],
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
      const reported = emptyReported();
      const pristine = openDatabase(dbPath(dataDir));
      expect(structuralProblems(pristine.sqlite)).toEqual([]);
      let printBefore = printJobStates(pristine.sqlite);
      pristine.close();
      let checked = 0;
      let killedBusy = 0;
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
          expect(
            [...structural, ...missing.problems, ...queue],
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

      // One more start: interrupted slips are requeued and every queued slip prints.
      const core = composeCore({ dataDir, host: 'cli', startDevices: true, log: { error: () => undefined } });
      try {
        const db = core.ctx.db.sqlite;
        await waitFor(
          () =>
            (
              db
                .prepare(`SELECT count(*) AS n FROM print_jobs WHERE status IN ('queued', 'printing')`)
                .get() as { n: number }
            ).n === 0,
          'every queued slip to print after the last restart',
          60_000,
          20,
        );
        const unprinted = db
          .prepare(
            `SELECT count(*) AS n FROM returns r WHERE NOT EXISTS (SELECT 1 FROM print_jobs j WHERE j.doc_ref = r.id AND j.status = 'done')`,
          )
          .get() as { n: number };
        expect(unprinted.n).toBe(0);
        expect(structuralProblems(db)).toEqual([]);
      } finally {
        core.close();
      }
      console.info(
        `kill harness: ${KILLS} kills survived (${killedBusy} mid-work); records checked after each kill: ${checked} in total; ` +
          `reported ${reported.returns.size} returns, ${reported.imports.size} imports, ${reported.repairs.size} repairs`,
      );
    },
    Math.max(240_000, KILLS * 6_000),
  );
});
