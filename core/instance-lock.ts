/**
 * One CounterDesk per data directory: the Node host (and restore) hold `counterdesk.lock` with
 * their pid. A lock left by a crashed process (pid gone) is taken over. Electron additionally
 * uses its own single-instance lock.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
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
