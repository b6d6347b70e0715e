/**
 * The raw reading log (`meter_readings`): every reading that reaches a bench run is appended, in
 * batches — one transaction per `maxBatch` readings or per `flushMs`, whichever comes first — so a
 * meter streaming fast never costs a commit per reading. The timer is unref'd (it never keeps the
 * process alive); `flush()` writes what is buffered now. Captured readings become test results
 * synchronously elsewhere; this log is for traceability and may lose the last `flushMs` in a crash.
 */
import type { DbClient } from '../../../db/client';
import { insertReadings, type ReadingRow } from '../../../db/repositories/bench/readings';

export type { ReadingRow };

export interface IngestOptions {
  maxBatch?: number;
  flushMs?: number;
}

export class ReadingIngest {
  private buffer: ReadingRow[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly maxBatch: number;
  private readonly flushMs: number;
  /** Rows written so far, and rows dropped because the database was already closed. */
  written = 0;
  dropped = 0;

  constructor(
    private readonly db: DbClient,
    options: IngestOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 500;
    this.flushMs = options.flushMs ?? 200;
  }

  /** Buffers one reading; flushes when the batch is full, else within flushMs. */
  append(row: ReadingRow): void {
    this.buffer.push(row);
    if (this.buffer.length >= this.maxBatch) {
      this.flush();
      return;
    }
    if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.flush();
      }, this.flushMs);
      this.timer.unref?.();
    }
  }

  /** Readings waiting to be written. */
  get pending(): number {
    return this.buffer.length;
  }

  /** Writes the buffer in one transaction; returns how many rows were written. */
  flush(): number {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const rows = this.buffer;
    if (rows.length === 0) return 0;
    this.buffer = [];
    if (!insertReadings(this.db, rows)) {
      this.dropped += rows.length;
      return 0;
    }
    this.written += rows.length;
    return rows.length;
  }
}
