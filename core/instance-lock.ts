/**
 * One CounterDesk per data directory: the hosts (Electron, web host) and the CLI commands that
 * write (import-sales, call, backup, restore) hold `counterdesk.lock` with their pid while they
 * run; a second one is refused with INSTANCE_RUNNING naming the holder. A lock left by a crashed
 * process (pid gone) is taken over. Read-only commands (verify-audit, backups, verify-export) take
 * no lock. Electron additionally uses its own single-instance lock.
 *
 * Taking the lock is atomic (a hard link of a fully written file: it appears whole or not at all),
 * and so is taking over a stale one: it is renamed aside and checked to be the stale lock that was
 * judged dead — two processes starting at once over a crashed one's lock cannot both win.
 */
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../shared/contract/errors';

export interface InstanceLock {
  readonly file: string;
  release(): void;
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
}

const code = (e: unknown) => (e as { code?: string }).code;

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    if (code(e) === 'ENOENT') return null;
    throw e;
  }
}

function holderOf(text: string): { pid?: number; purpose?: string } {
  try {
    return JSON.parse(text) as { pid?: number; purpose?: string };
  } catch {
    return {}; // unreadable lock: treat as stale
  }
}

export function acquireInstanceLock(dataDir: string, purpose: string): InstanceLock {
  const file = join(dataDir, 'counterdesk.lock');
  const mine = JSON.stringify({
    pid: process.pid,
    purpose,
    at: Date.now(),
    id: randomBytes(8).toString('hex'),
  });
  const unique = () => `${file}.${process.pid}-${randomBytes(6).toString('hex')}`;
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      const tmp = unique();
      writeFileSync(tmp, mine, { flag: 'wx' });
      try {
        try {
          linkSync(tmp, file);
        } catch (e) {
          // A file system without hard links (FAT): create the lock file exclusively instead.
          if (code(e) === 'EEXIST') throw e;
          writeFileSync(file, mine, { flag: 'wx' });
        }
        rmSync(tmp, { force: true });
        let released = false;
        const release = () => {
          if (released) return;
          released = true;
          // Remove the lock only while it is still ours.
          if (readText(file) === mine) rmSync(file, { force: true });
        };
        process.once('exit', release);
        return { file, release };
      } catch (e) {
        rmSync(tmp, { force: true });
        if (code(e) !== 'EEXIST') throw e;
      }
      const seen = readText(file);
      if (seen === null) continue; // released meanwhile: try again
      const holder = holderOf(seen);
      if (holder.pid !== undefined && alive(holder.pid) && holder.pid !== process.pid) {
        throw new AppError('INSTANCE_RUNNING', { pid: holder.pid, purpose: holder.purpose ?? '', dataDir });
      }
      // Stale: move it aside, then make sure what was moved is the lock judged dead.
      const aside = unique();
      try {
        renameSync(file, aside);
      } catch (e) {
        if (code(e) === 'ENOENT') continue;
        throw e;
      }
      if (readText(aside) !== seen) {
        // Another starter took over first and this moved its fresh lock: put it back.
        try {
          linkSync(aside, file);
        } catch {
          // a third one holds it now; it stays theirs
        }
      }
      rmSync(aside, { force: true });
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('DB_DIR_UNWRITABLE', { path: dataDir, cause: String(e) });
  }
  throw new AppError('INSTANCE_RUNNING', { dataDir });
}

/** Runs `work` holding the data directory's instance lock (created if missing), then releases it. */
export async function withInstanceLock<T>(
  dataDir: string,
  purpose: string,
  work: () => T | Promise<T>,
): Promise<T> {
  mkdirSync(dataDir, { recursive: true });
  const lock = acquireInstanceLock(dataDir, purpose);
  try {
    return await work();
  } finally {
    lock.release();
  }
}
