/**
 * Small filesystems for storage-fault tests: a size-limited tmpfs (disk full) and a read-only bind
 * mount of a directory (read-only data folder; `chmod` does not stop root). Mounting needs
 * CAP_SYS_ADMIN: without it `mountTmpfs` / `probeReadOnlyView` return the reason so the test can
 * skip loudly. A process that HAS CAP_SYS_ADMIN must be able to mount: there a refused mount is a
 * test failure (`mountMustWork`), never a skip and never a silent pass.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Mounted {
  dir: string;
  unmount(): void;
}

function run(args: string[]): void {
  execFileSync(args[0] as string, args.slice(1), { stdio: ['ignore', 'ignore', 'pipe'] });
}

function removeMountPoint(dir: string): void {
  try {
    run(['umount', dir]);
  } catch {
    try {
      run(['umount', '-l', dir]);
    } catch {
      // already unmounted
    }
  }
  rmSync(dir, { recursive: true, force: true });
}

/** True when this process holds CAP_SYS_ADMIN (bit 21 of CapEff): mounts must then work. */
export function mountMustWork(): boolean {
  try {
    const line = /^CapEff:\s*([0-9a-f]+)$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return line?.[1] !== undefined && (BigInt(`0x${line[1]}`) & (1n << 21n)) !== 0n;
  } catch {
    return false;
  }
}

/**
 * Why a mount-based group must be skipped here, or null when it runs. With CAP_SYS_ADMIN a failed
 * mount is not a reason to skip: null is returned and the group's own mount fails the test.
 */
export function skipReason(attempt: { skip: string } | null): string | null {
  if (attempt === null || mountMustWork()) return null;
  return attempt.skip;
}

/** Tries a read-only bind mount of an empty temp dir: null when it works, else why not. */
export function probeReadOnlyView(): { skip: string } | null {
  const src = mkdtempSync(join(tmpdir(), 'cd-ro-probe-'));
  try {
    const view = readOnlyView(src);
    if ('skip' in view) return view;
    view.unmount();
    return null;
  } finally {
    rmSync(src, { recursive: true, force: true });
  }
}

/** Mounts a tmpfs of `bytes` in a fresh temp dir, or says why it cannot. */
export function mountTmpfs(bytes: number): Mounted | { skip: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cd-tmpfs-'));
  try {
    run(['mount', '-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir]);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = (e as { stderr?: Buffer }).stderr?.toString().trim();
    return { skip: `cannot mount a tmpfs here (${stderr || String(e)}): needs root / CAP_SYS_ADMIN` };
  }
  return { dir, unmount: () => removeMountPoint(dir) };
}

/** A read-only view of `src` (bind mount remounted ro), or why it cannot be made. */
export function readOnlyView(src: string): Mounted | { skip: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cd-ro-'));
  try {
    run(['mount', '--bind', src, dir]);
    run(['mount', '-o', 'remount,bind,ro', dir]);
  } catch (e) {
    removeMountPoint(dir);
    const stderr = (e as { stderr?: Buffer }).stderr?.toString().trim();
    return {
      skip: `cannot make a read-only bind mount (${stderr || String(e)}): needs root / CAP_SYS_ADMIN`,
    };
  }
  return { dir, unmount: () => removeMountPoint(dir) };
}

/** Fills the filesystem of `dir` with a file until ENOSPC; returns the filler's path. */
export function fillDisk(dir: string): string {
  const file = join(dir, 'filler.bin');
  try {
    run(['dd', 'if=/dev/zero', `of=${file}`, 'bs=64k']);
  } catch {
    // dd stops with ENOSPC: that is the point
  }
  return file;
}
