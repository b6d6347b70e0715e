import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Configured devices and their roles (receipt printer, meter at bench N, scanner). */
export const devices = sqliteTable('devices', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind').notNull(), // scanner | printer | meter
  role: text('role').notNull(), // e.g. receipt-printer, bench-1-meter, counter-scanner
  name: text('name').notNull(),
  driver: text('driver').notNull(), // hid-pos | serial-scanner | escpos | scpi | ut61e | simulated-*
  transport: text('transport').notNull(), // JSON: { type: 'serial'|'tcp'|'hid'|'file'|'memory', ... }
  options: text('options').notNull().default('{}'),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** The durable print queue: a job survives a crash or an offline printer and is retried or reprinted. */
export const printJobs = sqliteTable(
  'print_jobs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    createdAt: integer('created_at').notNull(),
    kind: text('kind').notNull(), // return_slip | exchange_slip | repair_intake | shelf_tag | pickup | daily_summary | test
    docRef: text('doc_ref'),
    role: text('role').notNull(), // the device role to print on
    layout: text('layout').notNull(), // JSON receipt layout model
    copies: integer('copies').notNull().default(1),
    openDrawer: integer('open_drawer', { mode: 'boolean' }).notNull().default(false),
    status: text('status').notNull(), // queued | printing | done | failed | cancelled
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    lastError: text('last_error'),
    printedAt: integer('printed_at'),
    reprintOf: integer('reprint_of'),
    staffId: integer('staff_id'),
  },
  (t) => [index('print_jobs_status').on(t.status, t.nextAttemptAt), index('print_jobs_doc').on(t.docRef)],
);

export const printAttempts = sqliteTable(
  'print_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    jobId: integer('job_id')
      .notNull()
      .references(() => printJobs.id),
    startedAt: integer('started_at').notNull(),
    finishedAt: integer('finished_at'),
    outcome: text('outcome').notNull(), // started | done | failed
    error: text('error'),
    device: text('device'),
  },
  (t) => [index('print_attempts_job').on(t.jobId)],
);
