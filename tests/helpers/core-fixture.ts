/** A real core on a real SQLite file in a temp dir, with staff of every role (fast: no demo sales). */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeCore, type Core } from '../../core/compose';
import { dbPath } from '../../core/data-dir';
import type { Connection } from '../../core/context';
import { pinPepperPath } from '../../core/services/auth/pin-hash';
import { createStaff } from '../../core/store/create-staff';
import type { MethodName, MethodOutput } from '../../shared/contract';
import type { Result } from '../../shared/contract/errors';
import type { Role } from '../../shared/contract/permissions';

export const STAFF: { code: string; name: string; role: Role; pin: string; badge: string }[] = [
  { code: 'C001', name: '小王', role: 'clerk', pin: '1111', badge: 'CDB-TESTCLERK1' },
  { code: 'T001', name: '老陈', role: 'technician', pin: '2222', badge: 'CDB-TESTTECH1' },
  { code: 'I001', name: '小赵', role: 'inspector', pin: '3333', badge: 'CDB-TESTINSP1' },
  { code: 'M001', name: '张店长', role: 'manager', pin: '909090', badge: 'CDB-TESTMGR1' },
  { code: 'A001', name: 'Admin', role: 'admin', pin: '888888', badge: 'CDB-TESTADMIN1' },
];

export interface CoreFixture {
  core: Core;
  dataDir: string;
  /** A fresh connection signed in as the staff member with this code. */
  as(code: string): Promise<Connection>;
  setNow(ms: number): void;
  close(): void;
}

/** scrypt makes creating staff slow on purpose; build the staffed database once per worker and copy it. */
let template: string | null = null;

function staffedTemplate(): string {
  if (template) return template;
  const dir = mkdtempSync(join(tmpdir(), 'cd-template-'));
  const t = Date.UTC(2026, 0, 1);
  const core = composeCore({ dataDir: dir, host: 'cli', firstRun: 'empty', now: () => t });
  for (const s of STAFF) createStaff(core.ctx.db, core.ctx.storeId, s, t, null);
  core.close();
  template = dir;
  return template;
}

export function makeCore(opts: { now?: number } = {}): CoreFixture {
  const dataDir = mkdtempSync(join(tmpdir(), 'cd-core-'));
  const tpl = staffedTemplate();
  copyFileSync(dbPath(tpl), dbPath(dataDir));
  // The PIN pepper travels with the data directory (keys/), not inside the database file.
  mkdirSync(join(dataDir, 'keys'), { recursive: true });
  copyFileSync(pinPepperPath(tpl), pinPepperPath(dataDir));
  let now = opts.now ?? Date.UTC(2026, 10, 23, 2, 0, 0);
  const core = composeCore({
    dataDir,
    host: 'cli',
    firstRun: 'refuse',
    now: () => now,
    log: { error: () => undefined },
  });
  return {
    core,
    dataDir,
    async as(code) {
      const conn = core.connect();
      const s = STAFF.find((x) => x.code === code);
      const r = await core.dispatcher.call(conn, 'auth.signIn', { code, pin: s?.pin ?? '0000' });
      if (!r.ok) throw new Error(`sign-in ${code} failed: ${r.error.code}`);
      return conn;
    },
    setNow: (ms) => {
      now = ms;
    },
    close: () => {
      core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Contract calls as a screen makes them: `ok` returns the value or throws with the error code and
 * details (a test that expects success), `code` gives 'ok' or the error code (a test of refusals).
 */
export function contractApi(f: CoreFixture) {
  const raw = <K extends MethodName>(conn: Connection, m: K, input: unknown) =>
    f.core.dispatcher.call(conn, m, input) as Promise<Result<MethodOutput<K>>>;
  const ok = async <K extends MethodName>(
    conn: Connection,
    m: K,
    input: unknown,
  ): Promise<MethodOutput<K>> => {
    const r = await raw(conn, m, input);
    if (!r.ok) throw new Error(`${m}: ${r.error.code} ${JSON.stringify(r.error.details)}`);
    return r.value;
  };
  const code = async (conn: Connection, m: MethodName, input: unknown): Promise<string> => {
    const r = await raw(conn, m, input);
    return r.ok ? 'ok' : r.error.code;
  };
  return { ok, code };
}
