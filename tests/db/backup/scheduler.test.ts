import { existsSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { backupDir, backupNow, listBackups } from '../../../core/services/backup/backup';
import {
  DEFAULT_BACKUP_SCHEDULE,
  readBackupSchedule,
  writeBackupSchedule,
} from '../../../core/services/backup/schedule-settings';
import {
  backupStampMs,
  nextBackupAt,
  rotateScheduled,
  startBackupScheduler,
  type ScheduledRun,
} from '../../../core/services/backup/scheduler';
import { AppError } from '../../../shared/contract/errors';
import { makeCore } from '../../helpers/core-fixture';

const SH = 'Asia/Shanghai'; // UTC+8, no DST
const NY = 'America/New_York';
const MIN = 60_000;
const HOUR = 60 * MIN;

describe('when the next scheduled backup is due', () => {
  const daily = { mode: 'daily', at: '22:30', keep: 30 } as const;

  it('is tonight 22:30 store time when last night’s backup exists', () => {
    // 2026-11-23 10:00 in Shanghai = 02:00Z; last backup 2026-11-22 22:31 local = 14:31Z.
    const now = Date.UTC(2026, 10, 23, 2, 0);
    const last = Date.UTC(2026, 10, 22, 14, 31);
    // 22:30 local on the 23rd = 14:30Z on the 23rd.
    expect(nextBackupAt(daily, now, SH, last, 2 * MIN)).toBe(Date.UTC(2026, 10, 23, 14, 30));
  });

  it('catches up a slot missed while the app was closed, after the start delay', () => {
    const now = Date.UTC(2026, 10, 23, 2, 0);
    const last = Date.UTC(2026, 10, 21, 14, 31); // two nights ago: last night's 22:30 was missed
    expect(nextBackupAt(daily, now, SH, last, 2 * MIN)).toBe(now + 2 * MIN);
    expect(nextBackupAt(daily, now, SH, null, 2 * MIN)).toBe(now + 2 * MIN);
  });

  it('uses the local wall clock across a DST change (New York, 1 Nov 2026 falls back)', () => {
    // 2026-11-01 12:00 EST (UTC-5, after the fall-back at 02:00 EDT) = 17:00Z; last backup the evening before.
    const now = Date.UTC(2026, 10, 1, 17, 0);
    const last = Date.UTC(2026, 10, 1, 2, 31); // 2026-10-31 22:31 EDT (UTC-4)
    // 22:30 EST on 1 Nov = 03:30Z on 2 Nov.
    expect(nextBackupAt(daily, now, NY, last, MIN)).toBe(Date.UTC(2026, 10, 2, 3, 30));
  });

  it('every N hours after the last backup, and never when off', () => {
    const now = Date.UTC(2026, 10, 23, 2, 0);
    const interval = { mode: 'interval', hours: 4, keep: 12 } as const;
    expect(nextBackupAt(interval, now, SH, now - HOUR, MIN)).toBe(now + 3 * HOUR);
    expect(nextBackupAt(interval, now, SH, now - 5 * HOUR, MIN)).toBe(now + MIN);
    expect(nextBackupAt({ mode: 'off' }, now, SH, null, MIN)).toBeNull();
  });

  it('reads the stamp back from a backup file name', () => {
    expect(backupStampMs('counterdesk-20261123T143000Z-auto.sqlite')).toBe(Date.UTC(2026, 10, 23, 14, 30));
    expect(backupStampMs('notes.txt')).toBeUndefined();
  });
});

describe('the stored schedule', () => {
  it('defaults to daily 22:30 keep 30, stores a valid one, refuses an invalid one and survives a damaged row', () => {
    const f = makeCore();
    try {
      const db = f.core.ctx.db.sqlite;
      const id = f.core.ctx.storeId;
      expect(readBackupSchedule(f.core.ctx.db, id)).toEqual(DEFAULT_BACKUP_SCHEDULE);
      writeBackupSchedule(f.core.ctx.db, id, { mode: 'interval', hours: 6, keep: 8 }, Date.now());
      expect(readBackupSchedule(f.core.ctx.db, id)).toEqual({ mode: 'interval', hours: 6, keep: 8 });
      let code = '';
      try {
        writeBackupSchedule(f.core.ctx.db, id, { mode: 'daily', at: '25:00', keep: 3 }, Date.now());
      } catch (e) {
        code = e instanceof AppError ? e.code : String(e);
      }
      expect(code).toBe('BACKUP_SCHEDULE_INVALID');
      expect(readBackupSchedule(f.core.ctx.db, id)).toEqual({ mode: 'interval', hours: 6, keep: 8 });
      db.prepare("UPDATE settings SET value = '{not json' WHERE key = 'backup.schedule'").run();
      expect(readBackupSchedule(f.core.ctx.db, id)).toEqual(DEFAULT_BACKUP_SCHEDULE);
    } finally {
      f.close();
    }
  });
});

describe('the running scheduler', () => {
  it('writes a verified scheduled backup, rotates only scheduled copies and keeps manual ones', async () => {
    const f = makeCore();
    try {
      const db = f.core.ctx.db;
      const dir = backupDir(f.dataDir);
      writeBackupSchedule(db, f.core.ctx.storeId, { mode: 'daily', at: '22:30', keep: 2 }, Date.now());
      await backupNow(db, dir, Date.UTC(2026, 10, 1, 1), 'manual');
      for (let d = 18; d <= 20; d++) await backupNow(db, dir, Date.UTC(2026, 10, d, 14, 30), 'auto');
      let clock = Date.UTC(2026, 10, 23, 2, 0); // last scheduled backup is from the 20th: a slot was missed
      const runs: ScheduledRun[] = [];
      const s = startBackupScheduler({
        db,
        dataDir: f.dataDir,
        storeId: f.core.ctx.storeId,
        timeZone: () => SH,
        now: () => clock,
        startDelayMs: 5,
        onRun: (r) => runs.push(r),
      });
      expect(s.nextAt).toBe(clock + 5);
      clock += 5;
      const r = await new Promise<ScheduledRun>((resolve) => {
        const t = setInterval(() => {
          if (runs.length > 0) {
            clearInterval(t);
            resolve(runs[0] as ScheduledRun);
          }
        }, 5);
      });
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.info.file).toMatch(/counterdesk-20261123T020000Z-auto\.sqlite$/);
      expect(r.info.integrity).toBe('ok');
      expect(r.removed).toHaveLength(2); // keep 2 scheduled: the 18th and 19th go
      const names = listBackups(dir).map((b) => b.name);
      expect(names).toEqual([
        'counterdesk-20261123T020000Z-auto.sqlite',
        'counterdesk-20261120T143000Z-auto.sqlite',
        'counterdesk-20261101T010000Z-manual.sqlite',
      ]);
      // After the catch-up, the next one is tonight 22:30 Shanghai time.
      await new Promise((res) => setTimeout(res, 20));
      expect(s.nextAt).toBe(Date.UTC(2026, 10, 23, 14, 30));
      await s.stop();
    } finally {
      f.close();
    }
  });

  it('keeps a failure as a typed error and does not retry in a tight loop', async () => {
    const f = makeCore();
    try {
      // A plain file where the backups folder should be: the folder cannot be created.
      writeFileSync(backupDir(f.dataDir), 'not a folder');
      const clock = Date.UTC(2026, 10, 23, 2, 0);
      const s = startBackupScheduler({
        db: f.core.ctx.db,
        dataDir: f.dataDir,
        storeId: f.core.ctx.storeId,
        timeZone: () => SH,
        now: () => clock,
        startDelayMs: 60_000,
        log: { info: () => undefined, error: () => undefined },
      });
      const r = await s.runNow();
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.code).toBe('BACKUP_DIR_UNWRITABLE');
      expect(s.last).toBe(r);
      expect(s.nextAt).toBeGreaterThanOrEqual(clock + 60_000);
      await s.stop();
    } finally {
      f.close();
    }
  });

  it('rotateScheduled never removes the newest scheduled copy, even with keep 0', async () => {
    const f = makeCore();
    try {
      const dir = backupDir(f.dataDir);
      const a = await backupNow(f.core.ctx.db, dir, Date.UTC(2026, 10, 22), 'auto');
      const b = await backupNow(f.core.ctx.db, dir, Date.UTC(2026, 10, 23), 'auto');
      expect(rotateScheduled(dir, 0)).toEqual([a.file]);
      expect(existsSync(b.file)).toBe(true);
    } finally {
      f.close();
    }
  });
});
