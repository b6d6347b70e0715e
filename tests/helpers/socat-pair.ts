/**
 * socat pseudo-terminal pairs for integration tests: `socat -d -d pty,raw,echo=0 pty,raw,echo=0`
 * joins two /dev/pts devices back to back, so a driver on one end and a simulator on the other
 * talk through the real serialport stack. The helper waits until socat has printed both pty
 * paths and entered its transfer loop (or fails with a clear error after a timeout), can give
 * each end a stable symlink (so a restarted pair keeps its paths, for reconnect tests), and
 * kills every pair it started: call `stopAllSocatPairs()` in afterEach/afterAll; a process-exit
 * hook kills leftovers too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SocatPairOptions {
  /** Symlinks socat creates for end A and end B (stable paths across restarts). */
  links?: [string, string];
  /** How long to wait for socat to come up (default 5000 ms). */
  timeoutMs?: number;
}

export interface SocatPair {
  /** Path to open for end A: the symlink when one was asked for, else the /dev/pts path. */
  readonly a: string;
  readonly b: string;
  /** The /dev/pts devices socat created. */
  readonly ptyA: string;
  readonly ptyB: string;
  readonly pid: number;
  /** True once socat has exited (killed, or crashed). */
  readonly exited: boolean;
  /** Everything socat wrote to stderr, for failure messages. */
  readonly log: () => string;
  /** Stops socat (SIGTERM, then SIGKILL after 2 s) and resolves when it has exited. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
}

const PTY_LINE = /PTY is (\/dev\/pts\/\d+)/g;
const LOOP_LINE = /starting data transfer loop/;

/** Starts a socat pty pair and resolves once both ends are usable; rejects with socat's log on timeout/exit. */
export function startSocatPair(options: SocatPairOptions = {}): Promise<SocatPair> {
  const timeoutMs = options.timeoutMs ?? 5000;
  const ends = options.links
    ? options.links.map((link) => `pty,raw,echo=0,link=${link}`)
    : ['pty,raw,echo=0', 'pty,raw,echo=0'];
  installExitHook();
  const child = spawn('socat', ['-d', '-d', ...ends], { stdio: ['ignore', 'ignore', 'pipe'] });
  running.add(child);
  let stderr = '';
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) => {
    const gone = (): void => {
      exited = true;
      running.delete(child);
      resolve();
    };
    child.once('exit', gone);
    // A socat that could not be spawned (not installed) emits 'error' and never 'exit'.
    child.once('error', () => {
      if (child.pid === undefined) gone();
    });
  });

  const stop = async (): Promise<void> => {
    if (exited) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => {
      if (!exited) child.kill('SIGKILL');
    }, 2000);
    await exitedPromise;
    clearTimeout(timer);
  };

  return new Promise<SocatPair>((resolve, reject) => {
    let settled = false;
    const fail = (why: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void stop().then(() =>
        reject(new Error(`socat pty pair did not start: ${why}\n--- socat stderr ---\n${stderr}`)),
      );
    };
    const timer = setTimeout(() => fail(`no two pty paths within ${timeoutMs} ms`), timeoutMs);
    child.once('error', (err) => fail(`cannot run socat (${err.message}); install the Debian package socat`));
    child.once('exit', (code, signal) => fail(`socat exited early (code ${code}, signal ${signal})`));
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (text: string) => {
      stderr += text;
      if (settled) return;
      const ptys = [...stderr.matchAll(PTY_LINE)].map((m) => m[1] as string);
      if (ptys.length < 2 || !LOOP_LINE.test(stderr)) return;
      const [ptyA, ptyB] = ptys as [string, string];
      const a = options.links ? options.links[0] : ptyA;
      const b = options.links ? options.links[1] : ptyB;
      if (!existsSync(a) || !existsSync(b))
        return fail(`socat reported ${ptyA} and ${ptyB} but ${a} or ${b} is missing`);
      settled = true;
      clearTimeout(timer);
      resolve({
        a,
        b,
        ptyA,
        ptyB,
        pid: child.pid ?? -1,
        get exited() {
          return exited;
        },
        log: () => stderr,
        stop,
      });
    });
  });
}

/** Stops every socat this process started and waits for them to exit. */
export async function stopAllSocatPairs(): Promise<void> {
  const children = [...running];
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 2000).unref();
        }),
    ),
  );
}

/** A fresh temp directory for pty symlinks, and a function that removes it. */
export function makeLinkDir(prefix = 'socat-links-'): {
  dir: string;
  link: (name: string) => string;
  remove: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    link: (name) => join(dir, name),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
