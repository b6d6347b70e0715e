/**
 * The print queue on a real SQLite file (a composed core in a temp dir) with the simulated ESC/POS
 * printer on the far end of an in-memory pair, driven by the real printer driver. The clock is
 * injectable and the worker runs in manual mode: a test moves time with `advance()` and calls
 * `worker.runDue()`; nothing sleeps.
 */
import { EscPosPrinter } from '../../../core/hardware/printers/printer-driver';
import { SimulatedEscPosPrinter } from '../../../core/hardware/printers/simulated-printer';
import { createMemoryPair, type MemoryTransport } from '../../../core/hardware/transport/memory-transport';
import { clientOfHandle, type DbClient } from '../../../db/client';
import { enqueuePrintJob } from '../../../core/printing/enqueue';
import type { PrintKind } from '../../../core/printing/kinds';
import { PrintWorker, type PrintJobChange, type PrinterTarget } from '../../../core/printing/worker';
import { readSettings } from '../../../db/repositories/store/settings';
import type { SqliteDb } from '../../../db/open';
import type { ReceiptDocument } from '../../../shared/domain/receipt/layout';
import { makeCore, type CoreFixture } from '../../helpers/core-fixture';

export interface QueueFixture {
  f: CoreFixture;
  db: SqliteDb;
  /** The same connection as core's DbClient (what core/printing takes). */
  client: DbClient;
  sim: SimulatedEscPosPrinter;
  host: MemoryTransport;
  printerEnd: MemoryTransport;
  driver: EscPosPrinter;
  worker: PrintWorker;
  changes: PrintJobChange[];
  now(): number;
  advance(ms: number): void;
  /** Removes (or restores) the printer for the `receipt-printer` role. */
  setPrinterPresent(present: boolean): void;
  close(): Promise<void>;
}

export const T0 = Date.UTC(2026, 10, 23, 7, 42, 0);

/** Builds the fixture; the worker is started (it has already run crash recovery). */
export async function queueFixture(
  opts: { columns?: number; start?: boolean; writeChunkBytes?: number } = {},
): Promise<QueueFixture> {
  const f = makeCore({ now: T0 });
  const client = f.core.ctx.db;
  const db = client.sqlite;
  let now = T0;
  const [host, printerEnd] = createMemoryPair({ ids: ['memory:host', 'memory:printer'] });
  await printerEnd.open();
  const sim = new SimulatedEscPosPrinter({ columns: opts.columns ?? 48 });
  sim.connect(printerEnd);
  const driver = new EscPosPrinter({
    transport: host,
    replyTimeoutMs: 300,
    ...(opts.writeChunkBytes !== undefined ? { writeChunkBytes: opts.writeChunkBytes } : {}),
  });
  const target: PrinterTarget = { deviceId: 1, label: host.id, print: (bytes) => driver.print(bytes) };
  let present = true;
  const changes: PrintJobChange[] = [];
  const worker = new PrintWorker({
    db: client,
    now: () => now,
    paperWidth: () => readSettings(f.core.ctx.db, f.core.ctx.storeId).receiptWidth,
    printerFor: (role) => (present && role === 'receipt-printer' ? target : undefined),
    onJobChange: (c) => changes.push(c),
    pollMs: 0,
  });
  if (opts.start ?? true) worker.start();
  return {
    f,
    db,
    client,
    sim,
    host,
    printerEnd,
    driver,
    worker,
    changes,
    now: () => now,
    advance: (ms) => {
      now += ms;
      f.setNow(now);
    },
    setPrinterPresent: (p) => {
      present = p;
    },
    close: async () => {
      await worker.stop();
      await driver.close();
      await printerEnd.close();
      f.close();
    },
  };
}

/** Rows of print_attempts for a job, oldest first. */
export function attemptsOf(db: SqliteDb, jobId: number): { outcome: string; error: string | null }[] {
  return db.prepare('SELECT outcome, error FROM print_attempts WHERE job_id = ? ORDER BY id').all(jobId) as {
    outcome: string;
    error: string | null;
  }[];
}

/** One job row's status fields. */
export function jobOf(
  db: SqliteDb,
  jobId: number,
): {
  status: string;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  printed_at: number | null;
} {
  return db
    .prepare('SELECT status, attempts, next_attempt_at, last_error, printed_at FROM print_jobs WHERE id = ?')
    .get(jobId) as {
    status: string;
    attempts: number;
    next_attempt_at: number;
    last_error: string | null;
    printed_at: number | null;
  };
}

/** A job as the tests queue it (the layout and kind as given), through core/printing; returns its id. */
export function enqueuePrint(
  db: SqliteDb | DbClient,
  request: {
    kind: string;
    layout: ReceiptDocument;
    docRef?: string;
    role?: string;
    copies?: number;
    openDrawer?: boolean;
    staffId?: number;
  },
  now: number,
): number {
  const { kind, layout, ...rest } = request;
  const client = 'orm' in db ? db : clientOfHandle(db);
  return enqueuePrintJob(client, { ...rest, kind: kind as PrintKind, document: layout }, now).id;
}
