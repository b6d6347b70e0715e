/**
 * Two CounterDesks on one data folder, as real processes: the web host (`node --import tsx
 * core/main-web.ts`, the same entry as `npm run dev:web`) runs on a temp data folder; a second
 * host started on the same folder must exit at once with INSTANCE_RUNNING in words, naming the
 * first one's process, while the first keeps serving (a sale import through its bridge after the
 * refusal) and the database stays sound. The CLI commands that write (import-sales, call, backup,
 * restore) are refused the same way while the host runs; verify-audit (read-only) still works.
 * A lock left by a SIGKILLed host does not block the next start, and when several processes start
 * at the same moment over such a stale lock exactly one of them gets it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { composeCore } from '../../core/compose';
import { dbPath } from '../../core/data-dir';
import { createStaff } from '../../core/store/create-staff';
import { openDatabase } from '../../db/client';
import { structuralProblems } from './helpers/crash-checks';
import { posSalesJson } from './helpers/pos-sales';

const ROOT = resolve(import.meta.dirname, '..', '..');
const LOCK = 'counterdesk.lock';

interface Host {
  child: ChildProcess;
  /** stdout + stderr so far */
  output: () => string;
  exited: Promise<[number | null, NodeJS.Signals | null]>;
}

function hostEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, COUNTERDESK_LANG: 'en-US' };
  delete env.COUNTERDESK_BRIDGE_TOKEN;
  return env;
}

/** Spawns the web host on `dataDir`; the child's pid is the lock holder's (no wrapper process). */
function spawnHost(dataDir: string): Host {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'core/main-web.ts', '--data-dir', dataDir, '--port', '0', '--no-demo'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: hostEnv() },
  );
  let text = '';
  child.stdout?.on('data', (b: Buffer) => (text += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (text += b.toString()));
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  return { child, output: () => text, exited };
}

/** Resolves with the printed URL once the host is serving, or rejects with what it printed. */
async function serving(host: Host): Promise<URL> {
  return new Promise<URL>((ok, fail) => {
    const look = () => {
      const m = /running at (http:\/\/\S+)/.exec(host.output());
      if (m?.[1]) {
        host.child.stdout?.off('data', look);
        ok(new URL(m[1]));
      }
    };
    host.child.stdout?.on('data', look);
    look();
    void host.exited.then(([code]) => fail(new Error(`host exited ${String(code)}:\n${host.output()}`)));
  });
}

/** A signed-in bridge connection to a running host. */
async function bridge(
  url: URL,
): Promise<{ call: (m: string, i: unknown) => Promise<unknown>; close(): void }> {
  const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? '';
  const ws = new WebSocket(`ws://127.0.0.1:${url.port}/bridge?token=${encodeURIComponent(token)}`, {
    origin: url.origin,
  });
  await once(ws, 'open');
  let next = 1;
  const pending = new Map<number, (v: unknown) => void>();
  ws.on('message', (data: Buffer) => {
    const msg = JSON.parse(data.toString()) as { type: string; id: number; result: unknown };
    if (msg.type === 'result') pending.get(msg.id)?.(msg.result);
  });
  const call = (method: string, input: unknown) =>
    new Promise<unknown>((ok) => {
      const id = next++;
      pending.set(id, ok);
      ws.send(JSON.stringify({ id, method, input }));
    });
  expect(await call('auth.signIn', { code: 'M001', pin: '909090' })).toMatchObject({ ok: true });
  return { call, close: () => ws.close() };
}

function cli(args: string[]) {
  const r = spawnSync(process.execPath, ['bin/counterdesk.mjs', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, COUNTERDESK_LANG: 'en-US' },
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function lockHolder(dataDir: string): { pid: number; purpose: string } | null {
  const file = join(dataDir, LOCK);
  return existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as { pid: number; purpose: string })
    : null;
}

function dbProblems(dataDir: string): { problems: string[]; sales: number } {
  const db = openDatabase(dbPath(dataDir));
  try {
    const sales = (db.sqlite.prepare('SELECT count(*) AS n FROM sales').get() as { n: number }).n;
    return { problems: structuralProblems(db.sqlite), sales };
  } finally {
    db.close();
  }
}

let dataDir = '';
const running: Host[] = [];
beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'cd-two-'));
  const core = composeCore({ dataDir, host: 'cli', firstRun: 'empty', log: { error: () => undefined } });
  createStaff(
    core.ctx.db,
    core.ctx.storeId,
    { code: 'M001', name: '张店长', role: 'manager', pin: '909090' },
    Date.now(),
    null,
  );
  core.close();
});
afterAll(async () => {
  for (const h of running) {
    if (h.child.exitCode === null && h.child.signalCode === null) {
      h.child.kill('SIGKILL');
      await h.exited;
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('two CounterDesks on one data folder (real web host processes)', { timeout: 120_000 }, () => {
  it('the second host is refused in words naming the first; the first keeps working and the data stays sound', async () => {
    const first = spawnHost(dataDir);
    running.push(first);
    const url = await serving(first);
    expect(lockHolder(dataDir)).toEqual(
      expect.objectContaining({ pid: first.child.pid, purpose: 'web host' }),
    );

    const second = spawnHost(dataDir);
    running.push(second);
    const [code] = await second.exited;
    expect(code).toBe(1);
    expect(second.output()).toContain(
      `CounterDesk could not start: INSTANCE_RUNNING CounterDesk is already running (process ${String(first.child.pid)}) on this data folder; close it first`,
    );
    expect(second.output()).not.toMatch(/running at/);
    // The refused start left the first one's lock alone.
    expect(lockHolder(dataDir)?.pid).toBe(first.child.pid);

    // The first one is unaffected: it still takes a sale import through its bridge.
    const b = await bridge(url);
    expect(
      await b.call('sales.import', { format: 'json', content: posSalesJson('two', 5), fileName: 'pos.json' }),
    ).toMatchObject({ ok: true, value: { salesImported: 5 } });
    b.close();

    // Stopped the ordinary way, it releases the lock; the database is sound and holds the sales.
    first.child.kill('SIGTERM');
    expect(await first.exited).toEqual([0, null]);
    expect(lockHolder(dataDir)).toBeNull();
    expect(dbProblems(dataDir)).toEqual({ problems: [], sales: 5 });
  });

  it('while the host runs, the CLI commands that write are refused in words; verify-audit still reads', async () => {
    const host = spawnHost(dataDir);
    running.push(host);
    await serving(host);
    const pid = String(host.child.pid);
    const refusal = `INSTANCE_RUNNING: CounterDesk is already running (process ${pid}) on this data folder; close it first`;
    const creds = ['--staff', 'M001', '--pin', '909090', '--data-dir', dataDir];
    const file = join(dataDir, 'cli-sales.json');
    writeFileSync(file, posSalesJson('cli', 3));
    const backupFile = join(dataDir, 'some.sqlite');
    writeFileSync(backupFile, 'not used: refused before it is read');

    for (const args of [
      ['import-sales', file, ...creds],
      ['call', 'settings.update', '{"storeName":"Two"}', ...creds],
      ['backup', '--data-dir', dataDir],
      ['restore', backupFile, '--data-dir', dataDir],
    ]) {
      const r = cli(args);
      expect({ command: args[0], code: r.code }).toEqual({ command: args[0], code: 1 });
      expect(r.err).toContain(refusal);
    }
    const audit = cli(['verify-audit', '--data-dir', dataDir]);
    expect(audit.code, audit.err).toBe(0);
    expect(audit.out).toMatch(/audit/i);

    host.child.kill('SIGTERM');
    expect(await host.exited).toEqual([0, null]);
    // Nothing the refused commands would have written is there.
    expect(dbProblems(dataDir)).toEqual({ problems: [], sales: 5 });
    // With the host stopped the same import goes through.
    const again = cli(['import-sales', file, ...creds]);
    expect(again.code, again.err).toBe(0);
    expect(dbProblems(dataDir)).toEqual({ problems: [], sales: 8 });
    expect(lockHolder(dataDir)).toBeNull();
  });

  it('a lock left by a SIGKILLed host does not block the next start', async () => {
    const victim = spawnHost(dataDir);
    running.push(victim);
    await serving(victim);
    victim.child.kill('SIGKILL');
    expect(await victim.exited).toEqual([null, 'SIGKILL']);
    // The killed host could not remove its lock: it is still there, naming a dead process.
    expect(lockHolder(dataDir)?.pid).toBe(victim.child.pid);

    const next = spawnHost(dataDir);
    running.push(next);
    await serving(next);
    expect(lockHolder(dataDir)).toEqual(
      expect.objectContaining({ pid: next.child.pid, purpose: 'web host' }),
    );
    next.child.kill('SIGTERM');
    expect(await next.exited).toEqual([0, null]);
    expect(dbProblems(dataDir)).toEqual({ problems: [], sales: 8 });
  });

  it('six processes starting at the same moment over a stale lock: exactly one holds it, the others are refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-race-'));
    try {
      writeFileSync(join(dir, LOCK), JSON.stringify({ pid: 2_147_483_000, purpose: 'crashed' }));
      const takers = Array.from({ length: 6 }, () =>
        spawn(
          process.execPath,
          ['--import', 'tsx', join(import.meta.dirname, 'fixtures', 'lock-taker.ts'), dir],
          {
            cwd: ROOT,
            stdio: ['pipe', 'pipe', 'inherit'],
          },
        ),
      );
      const said = takers.map(() => '');
      const lineFrom = (i: number, re: RegExp) =>
        new Promise<string>((ok, fail) => {
          const child = takers[i] as ChildProcess;
          const look = () => {
            const m = re.exec(said[i] ?? '');
            if (m) ok(m[0]);
          };
          child.stdout?.on('data', (b: Buffer) => {
            said[i] += b.toString();
            look();
          });
          child.once('exit', () => {
            look();
            fail(new Error(`taker ${i} exited: ${said[i] ?? ''}`));
          });
        });
      const loaded = takers.map((_, i) => lineFrom(i, /LOADED/));
      const answers = takers.map((_, i) => lineFrom(i, /HELD|REFUSED \S+/));
      await Promise.all(loaded);
      for (const t of takers) t.stdin?.write('go\n');
      const got = await Promise.all(answers);
      expect(got.filter((a) => a === 'HELD')).toHaveLength(1);
      expect(got.filter((a) => a !== 'HELD')).toEqual(
        Array.from({ length: 5 }, () => 'REFUSED INSTANCE_RUNNING'),
      );
      const winner = takers[got.indexOf('HELD')] as ChildProcess;
      expect(lockHolder(dir)?.pid).toBe(winner.pid);
      const exited = takers.map((t) => (t.exitCode === null ? once(t, 'exit') : Promise.resolve()));
      for (const t of takers) t.stdin?.end();
      await Promise.all(exited);
      // Released by its holder: nothing left behind (no lock, no moved-aside or temporary file).
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
