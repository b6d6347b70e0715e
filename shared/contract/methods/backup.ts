/**
 * Backups from the Settings screen (manager/admin: `backup.manage`): the stored backups with their
 * kinds, the schedule and its next/last run, a verified backup now, verification of one file, a
 * restore staged for the next start (the data cannot be swapped under a running counter), and an
 * export of every record to a portable archive in the data folder.
 */
import { z } from 'zod';
import { method } from '../define';
import { epochMs } from '../schemas';

/** A backup's file name inside the data folder's `backups/` (never a path). */
export const backupName = z
  .string()
  .regex(
    /^counterdesk-\d{8}T\d{6}Z(-[A-Za-z0-9_-]{1,80})?\.sqlite$/,
    'counterdesk-YYYYMMDDTHHMMSSZ[-label].sqlite',
  );

export const backupSchedule = z.discriminatedUnion('mode', [
  z
    .object({
      mode: z.literal('daily'),
      at: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM'),
      keep: z.number().int().min(1).max(365),
    })
    .strict(),
  z
    .object({
      mode: z.literal('interval'),
      hours: z.number().int().min(1).max(168),
      keep: z.number().int().min(1).max(365),
    })
    .strict(),
  z.object({ mode: z.literal('off') }).strict(),
]);

export const BACKUP_KINDS = ['auto', 'manual', 'before-migration', 'before-restore', 'other'] as const;

export const storedBackup = z.object({
  name: backupName,
  kind: z.enum(BACKUP_KINDS),
  at: epochMs,
  bytes: z.number().int().nonnegative(),
});

const lastRun = z.object({
  at: epochMs,
  ok: z.boolean(),
  name: z.string().nullable(),
  errorCode: z.string().nullable(),
});

export const backupMethods = {
  'backup.status': method({
    summary:
      'Stored backups (newest first), the schedule, the next and last scheduled run, a staged restore.',
    access: 'backup.manage',
    input: z.object({}).strict(),
    output: z.object({
      dir: z.string(),
      backups: z.array(storedBackup),
      schedule: backupSchedule,
      nextAt: epochMs.nullable(),
      last: lastRun.nullable(),
      pendingRestore: z.object({ name: z.string(), stagedAt: epochMs, staffName: z.string() }).nullable(),
    }),
  }),
  'backup.now': method({
    summary: 'A verified online backup now (integrity check and audit chain), labelled manual.',
    access: 'backup.manage',
    input: z.object({}).strict(),
    output: z.object({ name: z.string(), bytes: z.number().int(), auditRows: z.number().int() }),
  }),
  'backup.setSchedule': method({
    summary: 'When scheduled backups run and how many are kept.',
    access: 'backup.manage',
    input: backupSchedule,
    output: backupSchedule,
  }),
  'backup.verify': method({
    summary: 'Checks one stored backup: SQLite integrity and the audit chain.',
    access: 'backup.manage',
    input: z.object({ name: backupName }).strict(),
    output: z.object({ name: z.string(), auditRows: z.number().int() }),
  }),
  'backup.stageRestore': method({
    summary:
      'Verifies a backup and stages it: it replaces the data at the next start (current data kept aside).',
    access: 'backup.manage',
    input: z.object({ name: backupName }).strict(),
    output: z.object({ name: z.string(), auditRows: z.number().int() }),
  }),
  'backup.cancelRestore': method({
    summary: 'Cancels a staged restore.',
    access: 'backup.manage',
    input: z.object({}).strict(),
    output: z.object({ cancelled: z.boolean() }),
  }),
  'backup.export': method({
    summary: 'Exports every record (JSON Lines + CSV per table, manifest with sha256) into the data folder.',
    access: 'backup.manage',
    input: z.object({}).strict(),
    output: z.object({ dir: z.string(), tables: z.number().int(), rows: z.number().int() }),
  }),
};
