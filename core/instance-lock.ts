/**
 * One CounterDesk per data directory: the hosts (Electron, web host) and the CLI commands that
 * write (import-sales, call, backup, restore) hold `counterdesk.lock` with their pid while they
 * run; a second one is refused with INSTANCE_RUNNING naming the holder. A lock left by a crashed
 * process (pid gone) is taken over. Read-only commands (verify-audit, backups, verify-export) take
 * no lock. Electron additionally uses its own single-instance lock.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
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

export function acquireInstanceLock(dataDir: string, purpose: string): InstanceLock {
  const file = join(dataDir, 'counterdesk.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, purpose, at: Date.now() }));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        rmSync(file, { force: true });
      };
      process.once('exit', release);
      return { file, release };
    } catch (e) {
      if ((e as { code?: string }).code !== 'EEXIST')
        throw new AppError('DB_DIR_UNWRITABLE', { path: dataDir, cause: String(e) });
      let holder: { pid?: number; purpose?: string } = {};
      try {
        holder = JSON.parse(readFileSync(file, 'utf8')) as { pid?: number; purpose?: string };
      } catch {
        // unreadable lock: treat as stale
      }
      if (holder.pid !== undefined && alive(holder.pid) && holder.pid !== process.pid) {
        throw new AppError('INSTANCE_RUNNING', { pid: holder.pid, purpose: holder.purpose ?? '', dataDir });
      }
      rmSync(file, { force: true });
    }
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
