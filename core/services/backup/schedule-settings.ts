/**
 * When scheduled backups run, stored as the settings row `backup.schedule` (JSON): every day at a
 * store-local time, or every N hours, keeping the newest `keep` scheduled backups; or off. A missing
 * or damaged row means the default: daily at 22:30 store time (after closing), keep 30.
 */
import { z } from 'zod';
import type { DbClient } from '../../../db/client';
import { putSettingValue, settingValue } from '../../../db/repositories/store/settings';
import { AppError } from '../../../shared/contract/errors';

export const BACKUP_SCHEDULE_KEY = 'backup.schedule';

export const backupScheduleSchema = z.discriminatedUnion('mode', [
  z
    .object({
      mode: z.literal('daily'),
      /** Store-local HH:MM. */
      at: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
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
export type BackupSchedule = z.infer<typeof backupScheduleSchema>;

export const DEFAULT_BACKUP_SCHEDULE: BackupSchedule = { mode: 'daily', at: '22:30', keep: 30 };

/** The store's backup schedule (the default when none or a damaged one is stored). */
export function readBackupSchedule(db: DbClient, storeId: number): BackupSchedule {
  const value = settingValue(db, storeId, BACKUP_SCHEDULE_KEY);
  if (value === undefined) return DEFAULT_BACKUP_SCHEDULE;
  try {
    const parsed = backupScheduleSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : DEFAULT_BACKUP_SCHEDULE;
  } catch {
    return DEFAULT_BACKUP_SCHEDULE;
  }
}

/** Stores the schedule; AppError BACKUP_SCHEDULE_INVALID for one that does not fit the schema. */
export function writeBackupSchedule(
  db: DbClient,
  storeId: number,
  schedule: unknown,
  now: number,
): BackupSchedule {
  const parsed = backupScheduleSchema.safeParse(schedule);
  if (!parsed.success) {
    throw new AppError('BACKUP_SCHEDULE_INVALID', { issue: parsed.error.issues[0]?.message ?? 'invalid' });
  }
  const valid = parsed.data;
  putSettingValue(db, storeId, BACKUP_SCHEDULE_KEY, JSON.stringify(valid), now);
  return valid;
}
