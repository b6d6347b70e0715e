/**
 * Issue #13, PINs: 6-digit manager/admin PINs, escalating lockouts, the per-terminal limit against
 * one PIN sprayed over every staff code, no attemptsLeft for signed-out callers, the pepper kept
 * outside the database (and the upgrade of old unpeppered hashes), audited sign-ins.
 */
import { scryptSync } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../db/audit/chain';
import { setPinHash } from '../../../db/repositories/staff/sign-in-events';
import { staffByCode } from '../../../db/repositories/staff/staff';
import { parseArgs } from '../../../core/cli/args';
import { initCommand } from '../../../core/cli/commands/store-commands';
import { makeOut } from '../../../core/cli/output';
import { composeCore } from '../../../core/compose';
import { dbPath } from '../../../core/data-dir';
import { pinPepperPath, verifyPin } from '../../../core/services/auth/pin-hash';
import { createStaff } from '../../../core/store/create-staff';
import { AppError } from '../../../shared/contract/errors';
import { makeCore, type CoreFixture } from '../../helpers/core-fixture';

let f: CoreFixture;
const T0 = Date.UTC(2026, 10, 23, 2, 0, 0);
const MIN = 60_000;
beforeEach(() => {
  f = makeCore({ now: T0 });
});
afterEach(() => f.close());

type Conn = ReturnType<CoreFixture['core']['connect']>;
const call = (conn: Conn, m: string, i: unknown) => f.core.dispatcher.call(conn, m, i);
const signIn = (code: string, pin: string) => call(f.core.connect(), 'auth.signIn', { code, pin });
const auditRows = (action: string) =>
  f.core.ctx.db.sqlite
    .prepare(
      'SELECT staff_id AS staffId, entity_type AS entityType, data FROM audit_log WHERE action = ? ORDER BY id',
    )
    .all(action) as { staffId: number | null; entityType: string; data: string }[];
const hashOf = (code: string) => staffByCode(f.core.ctx.db, f.core.ctx.storeId, code)?.pinHash ?? '';

async function setSettings(input: Record<string, unknown>) {
  const admin = await f.as('A001');
  const r = await call(admin, 'settings.update', input);
  expect(r.ok, JSON.stringify(r)).toBe(true);
}

describe('PIN policy', () => {
  it('refuses a manager or admin PIN shorter than 6 digits (create and `init`); clerks keep 4', () => {
    const { db, storeId } = f.core.ctx;
    for (const role of ['manager', 'admin'] as const) {
      let err: unknown;
      try {
        createStaff(db, storeId, { code: `X${role.length}`, name: 'x', role, pin: '9090' }, T0, null);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('STAFF_PIN_TOO_SHORT');
    }
    expect(staffByCode(db, storeId, 'X7')).toBeUndefined();
    expect(
      createStaff(db, storeId, { code: 'M002', name: 'm', role: 'manager', pin: '482913' }, T0, null),
    ).toBeGreaterThan(0);
    expect(
      createStaff(db, storeId, { code: 'C002', name: 'c', role: 'clerk', pin: '4829' }, T0, null),
    ).toBeGreaterThan(0);

    const dir = mkdtempSync(join(tmpdir(), 'cd-init-'));
    try {
      const out = makeOut(true, 'en-US');
      const args = parseArgs(['init', '--data-dir', dir, '--admin-pin', '4321']);
      expect(() => initCommand(args, out)).toThrow(
        expect.objectContaining({ code: 'CLI_ADMIN_PIN_REQUIRED' }),
      );
      expect(existsSync(dbPath(dir))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('escalates lockouts within 24 h: 5 min, then 30 min, then 24 h', async () => {
    await setSettings({ terminalFailureLimit: 100 });
    const fail5 = async () => {
      let last;
      for (let i = 0; i < 5; i++) last = await signIn('C001', '0000');
      return last;
    };
    expect(await fail5()).toMatchObject({ error: { code: 'AUTH_LOCKED', details: { minutes: 5 } } });
    f.setNow(T0 + 6 * MIN);
    expect(await fail5()).toMatchObject({ error: { code: 'AUTH_LOCKED', details: { minutes: 30 } } });
    f.setNow(T0 + 40 * MIN);
    expect(await fail5()).toMatchObject({ error: { code: 'AUTH_LOCKED', details: { minutes: 24 * 60 } } });
    expect(await signIn('C001', '1111')).toMatchObject({ error: { code: 'AUTH_LOCKED' } });
    expect(auditRows('staff.locked')).toHaveLength(3);
    // More than 24 h after the earlier lockouts, a new lockout is short again.
    f.setNow(T0 + 40 * MIN + 24 * 60 * MIN + 1);
    expect((await signIn('C001', '1111')).ok).toBe(true);
    f.setNow(T0 + 3 * 24 * 60 * MIN);
    expect(await fail5()).toMatchObject({ error: { code: 'AUTH_LOCKED', details: { minutes: 5 } } });
  });

  it('one PIN sprayed over every staff code trips the terminal limit and alerts the manager', async () => {
    const codes = ['C001', 'T001', 'I001', 'M001', 'A001'];
    const answers = [];
    for (const pin of ['0000', '1234']) for (const code of codes) answers.push(await signIn(code, pin));
    // No single account reached its own lockout…
    expect(auditRows('staff.locked')).toHaveLength(0);
    // …but the 10th wrong PIN on this terminal pauses PIN sign-in, even with the right PIN.
    expect(answers.slice(0, 9).every((a) => !a.ok && a.error.code === 'AUTH_FAILED')).toBe(true);
    expect(answers[9]).toMatchObject({
      ok: false,
      error: { code: 'AUTH_TERMINAL_PAUSED', details: { minutes: 5 } },
    });
    expect(await signIn('C001', '1111')).toMatchObject({ error: { code: 'AUTH_TERMINAL_PAUSED' } });
    expect(await signIn('ZZZ9', '0000')).toMatchObject({ error: { code: 'AUTH_TERMINAL_PAUSED' } });
    expect(auditRows('auth.terminalAlert')).toHaveLength(1);
    // A badge still signs in (long random secret, not sprayable).
    expect((await call(f.core.connect(), 'auth.signInBadge', { badge: 'CDB-TESTCLERK1' })).ok).toBe(true);
    // After the pause the manager signs in and sees the alert; a clerk does not.
    f.setNow(T0 + 5 * MIN + 1);
    const clerk = await signIn('C001', '1111');
    expect(clerk.ok).toBe(true);
    expect(clerk).not.toHaveProperty('value.terminalAlerts');
    expect(await signIn('M001', '909090')).toMatchObject({
      ok: true,
      value: { terminalAlerts: [{ at: T0, failures: 10 }] },
    });
  });

  it('a lower terminal limit from the settings trips after one pass over the codes', async () => {
    await setSettings({ terminalFailureLimit: 5 });
    const answers = [];
    for (const code of ['C001', 'T001', 'I001', 'M001', 'ZZZ9']) answers.push(await signIn(code, '4444'));
    expect(answers[4]).toMatchObject({ error: { code: 'AUTH_TERMINAL_PAUSED' } });
  });

  it('tells a signed-out caller neither attemptsLeft nor whether the code exists', async () => {
    const wrong = await signIn('C001', '0000');
    const unknown = await signIn('ZZZ9', '0000');
    expect(wrong).toEqual({
      ok: false,
      error: { code: 'AUTH_FAILED', messageKey: 'errors.AUTH_FAILED', details: {} },
    });
    expect(unknown).toEqual(wrong);
    const viaBadgeConn = f.core.connect();
    expect(await call(viaBadgeConn, 'auth.signIn', { code: 'T001', pin: '0000' })).not.toHaveProperty(
      'error.details.attemptsLeft',
    );
  });

  it('the database file alone cannot check a PIN; with keys/ the app still signs in', async () => {
    const stored = hashOf('M001');
    expect(stored.startsWith('scrypt-p1$')).toBe(true);
    const [, n, r, p, salt, hash] = stored.split('$');
    const plain = scryptSync('909090', Buffer.from(salt ?? '', 'base64'), 32, {
      N: Number(n),
      r: Number(r),
      p: Number(p),
    });
    expect(plain.toString('base64')).not.toBe(hash);
    expect(statSync(pinPepperPath(f.dataDir)).mode & 0o777).toBe(0o600);

    // A stolen copy of the database, opened without keys/: the right PIN does not sign in.
    const thief = mkdtempSync(join(tmpdir(), 'cd-stolen-'));
    try {
      copyFileSync(dbPath(f.dataDir), dbPath(thief));
      const other = composeCore({
        dataDir: thief,
        host: 'cli',
        firstRun: 'refuse',
        now: () => T0,
        log: { error: () => undefined },
      });
      try {
        const r1 = await other.dispatcher.call(other.connect(), 'auth.signIn', {
          code: 'M001',
          pin: '909090',
        });
        expect(r1.ok).toBe(false);
      } finally {
        other.close();
      }
      expect(verifyPin('909090', stored, Buffer.alloc(32))).toBe(false);
    } finally {
      rmSync(thief, { recursive: true, force: true });
    }
    expect((await signIn('M001', '909090')).ok).toBe(true);
  });

  it('an old unpeppered hash still signs in and is upgraded to the peppered format', async () => {
    const salt = Buffer.from('0123456789abcdef');
    const legacy = `scrypt$16384$8$1$${salt.toString('base64')}$${scryptSync('1111', salt, 32, { N: 16384, r: 8, p: 1 }).toString('base64')}`;
    setPinHash(f.core.ctx.db, staffByCode(f.core.ctx.db, f.core.ctx.storeId, 'C001')?.id ?? 0, legacy);
    expect(await signIn('C001', '0000')).toMatchObject({ error: { code: 'AUTH_FAILED' } });
    expect(hashOf('C001')).toBe(legacy);
    expect((await signIn('C001', '1111')).ok).toBe(true);
    expect(hashOf('C001')).toMatch(/^scrypt-p1\$/);
    expect(hashOf('C001')).not.toBe(legacy);
    expect((await signIn('C001', '1111')).ok).toBe(true);
    expect(await signIn('C001', '0000')).toMatchObject({ error: { code: 'AUTH_FAILED' } });
  });

  it('audits sign-ins, failures (the code typed, never the PIN), lockouts and alerts', async () => {
    await signIn('C001', '1111');
    await call(f.core.connect(), 'auth.signInBadge', { badge: 'CDB-TESTTECH1' });
    await signIn('T001', '7531');
    await signIn('NOPE', '8642');
    const ok = auditRows('auth.signedIn');
    expect(ok.map((r) => JSON.parse(r.data) as unknown)).toEqual([
      { code: 'C001', via: 'pin' },
      { code: 'T001', via: 'badge' },
    ]);
    const bad = auditRows('auth.signInFailed');
    expect(bad).toHaveLength(2);
    expect(bad.map((r) => (JSON.parse(r.data) as { code: string }).code)).toEqual(['T001', 'NOPE']);
    expect(bad.every((r) => r.entityType === 'terminal')).toBe(true);
    expect(bad.map((r) => r.data).join()).not.toMatch(/7531|8642/);
    expect(verifyAudit(f.core.ctx.db.sqlite).ok).toBe(true);
  });
});
