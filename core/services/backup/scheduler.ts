/**
 * Scheduled online backups for a running host (web host, Electron main): at the store's schedule
 * (schedule-settings.ts: daily at a store-local time, or every N hours) a verified backup is written
 * with backup.ts `backupNow` (better-sqlite3's online backup API: the counter keeps working; the copy
 * must pass integrity_check and the audit chain before it counts), labelled `auto`, and the oldest
 * scheduled backups beyond `keep` are removed (manual, pre-migration and pre-restore backups are
 * never rotated away by the scheduler). A slot missed while the app was closed is caught up shortly
 * after start. Failures (disk full, folder unwritable) are kept as the last run's typed error and
 * logged; the next slot tries again. Timers are unref'd and re-armed at least hourly.
 */
import { rmSync } from 'node:fs';
import type { DbClient } from '../../../db/client';
import { toErrorValue, type AppErrorValue } from '../../../shared/contract/errors';
import { addDays, businessDay, localTimeOn } from '../../../shared/domain/time/business-day';
import { backupDir, backupNow, listBackups, type BackupInfo } from './backup';
import { readBackupSchedule, type BackupSchedule } from './schedule-settings';

/** Label of scheduled backups: `counterdesk-<stamp>-auto.sqlite`. */
export const SCHEDULED_LABEL = 'auto';
const HOUR = 3_600_000;
type BackupInfoLike = ReturnType<typeof listBackups>[number];

export type ScheduledRun =
  | { ok: true; at: number; info: BackupInfo; removed: string[] }
  | { ok: false; at: number; error: AppErrorValue };

export interface SchedulerOptions {
  db: DbClient;
  dataDir: string;
  storeId: number;
  /** The store's time zone (settings.timeZone), read at each slot. */
  timeZone: () => string;
  now?: () => number;
  /** Delay before catching up a missed slot after start (default 2 min: let the counter open first). */
  startDelayMs?: number;
  /** Longest single timer (default 1 h): the schedule and the clock are looked at again this often. */
  maxTimerMs?: number;
  log?: { info(message: string): void; error(message: string, detail?: unknown): void };
  onRun?: (run: ScheduledRun) => void;
}

export interface BackupScheduler {
  /** When the next backup is due (epoch ms), or null when the schedule is off. */
  readonly nextAt: number | null;
  readonly last: ScheduledRun | null;
  /** Runs a scheduled backup now (same labelling and rotation); resolves with its outcome. */
  runNow(): Promise<ScheduledRun>;
  /** Looks at the stored schedule again now (after it was changed). */
  reschedule(): void;
  /** Stops the timer and waits for a backup in progress. */
  stop(): Promise<void>;
}

/** `counterdesk-20261123T143000Z….sqlite` → epoch ms of the stamp (undefined for other names). */
export function backupStampMs(name: string): number | undefined {
  const m = /^counterdesk-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z/.exec(name);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  return Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, s ?? 0);
}

/** Time of the newest backup of any kind in `dir` (by its name's stamp), or null (also when unreadable). */
export function lastBackupAt(dir: string): number | null {
  let best: number | null = null;
  let all: BackupInfoLike[];
  try {
    all = listBackups(dir);
  } catch {
    return null; // not a folder / unreadable: the backup itself will report the typed error
  }
  for (const b of all) {
    const at = backupStampMs(b.name) ?? b.modifiedAt;
    if (best === null || at > best) best = at;
  }
  return best;
}

/**
 * When the next scheduled backup is due: the next slot after `now`, or `now + startDelayMs` when the
 * last slot before `now` has no backup at or after it (missed while the app was closed).
 */
export function nextBackupAt(
  schedule: BackupSchedule,
  now: number,
  timeZone: string,
  lastAt: number | null,
  startDelayMs: number,
): number | null {
  if (schedule.mode === 'off') return null;
  if (schedule.mode === 'interval') {
    const due = (lastAt ?? -Infinity) + schedule.hours * HOUR;
    return due <= now ? now + startDelayMs : due;
  }
  const today = businessDay(now, timeZone);
  const todaySlot = localTimeOn(today, schedule.at, timeZone);
  const previousSlot = todaySlot <= now ? todaySlot : localTimeOn(addDays(today, -1), schedule.at, timeZone);
  const nextSlot = todaySlot > now ? todaySlot : localTimeOn(addDays(today, 1), schedule.at, timeZone);
  if (lastAt === null || lastAt < previousSlot) return Math.min(now + startDelayMs, nextSlot);
  return nextSlot;
}

/** Removes the oldest scheduled backups beyond `keep`; other backups are left alone. */
export function rotateScheduled(dir: string, keep: number): string[] {
  const scheduled = listBackups(dir).filter((b) => b.name.endsWith(`-${SCHEDULED_LABEL}.sqlite`));
  const removed: string[] = [];
  for (const b of scheduled.slice(Math.max(1, keep))) {
    rmSync(b.file, { force: true });
    removed.push(b.file);
  }
  return removed;
}

/** Starts the scheduler for a running host (see the file comment). */
export function startBackupScheduler(opts: SchedulerOptions): BackupScheduler {
  const now = opts.now ?? Date.now;
  const dir = backupDir(opts.dataDir);
  const startDelay = opts.startDelayMs ?? 2 * 60_000;
  const maxTimer = opts.maxTimerMs ?? HOUR;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let nextAt: number | null = null;
  let last: ScheduledRun | null = null;
  let running: Promise<ScheduledRun> | null = null;

  const schedule = (): BackupSchedule => readBackupSchedule(opts.db, opts.storeId);

  const run = (): Promise<ScheduledRun> => {
    if (running) return running;
    const at = now();
    const keep = (() => {
      const s = schedule();
      return s.mode === 'off' ? 30 : s.keep;
    })();
    running = backupNow(opts.db, dir, at, SCHEDULED_LABEL)
      .then((info): ScheduledRun => ({ ok: true, at, info, removed: rotateScheduled(dir, keep) }))
      .catch((e: unknown): ScheduledRun => ({ ok: false, at, error: toErrorValue(e) }))
      .then((r) => {
        last = r;
        running = null;
        if (r.ok) opts.log?.info(`backup: ${r.info.file} (${r.info.auditRows} audit rows verified)`);
        else opts.log?.error(`backup failed: ${r.error.code}`, r.error.details);
        try {
          opts.onRun?.(r);
        } catch {
          // a listener's bug must not stop the schedule
        }
        return r;
      });
    return running;
  };

  const arm = (): void => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    try {
      nextAt = nextBackupAt(schedule(), now(), opts.timeZone(), lastBackupAt(dir), startDelay);
    } catch {
      if (stopped) return; // the database is closing
      nextAt = null; // settings unreadable right now: look again after maxTimer
    }
    // After a failure the next try waits at least one start delay (no tight retry loop on a full disk).
    if (nextAt !== null && last && !last.ok) nextAt = Math.max(nextAt, last.at + startDelay);
    if (nextAt === null) {
      timer = setTimeout(arm, maxTimer);
    } else {
      const wait = Math.max(0, Math.min(nextAt - now(), maxTimer));
      timer = setTimeout(() => {
        if (stopped) return;
        if (nextAt !== null && now() >= nextAt) void run().then(arm);
        else arm();
      }, wait);
    }
    timer.unref?.();
  };

  arm();
  return {
    get nextAt() {
      return nextAt;
    },
    get last() {
      return last;
    },
    runNow: () => run().then((r) => (arm(), r)),
    reschedule: arm,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await running;
    },
  };
}
