import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../db/audit/chain';
import { staffByCode } from '../../../db/repositories/staff/staff';
import { makeCore, type CoreFixture } from '../../helpers/core-fixture';

let f: CoreFixture;
const T0 = Date.UTC(2026, 10, 23, 2, 0, 0);
beforeEach(() => {
  f = makeCore({ now: T0 });
});
afterEach(() => f.close());

const failedAttempts = (code: string) => staffByCode(f.core.ctx.db, f.core.ctx.storeId, code)?.failedAttempts;

const call = (conn: ReturnType<CoreFixture['core']['connect']>, m: string, i: unknown) =>
  f.core.dispatcher.call(conn, m, i);

describe('PIN sign-in', () => {
  it('signs in, reports the session with the role’s permissions, and signs out', async () => {
    const conn = f.core.connect();
    const r = await call(conn, 'auth.signIn', { code: 'C001', pin: '1111' });
    expect(r).toMatchObject({ ok: true, value: { staff: { code: 'C001', name: '小王', role: 'clerk' } } });
    const perms = r.ok ? (r.value as { permissions: string[] }).permissions : [];
    expect(perms).toContain('returns.create');
    expect(perms).not.toContain('override.approve');
    expect(await call(conn, 'auth.session', {})).toMatchObject({
      ok: true,
      value: { session: { staff: { code: 'C001' } } },
    });
    expect(await call(conn, 'auth.signOut', {})).toEqual({ ok: true, value: { signedOut: true } });
    expect(await call(conn, 'auth.session', {})).toEqual({ ok: true, value: { session: null } });
  });

  it('a wrong PIN and an unknown code give a signed-out caller the same answer, without attemptsLeft', async () => {
    const conn = f.core.connect();
    const wrong = await call(conn, 'auth.signIn', { code: 'C001', pin: '0000' });
    const unknown = await call(conn, 'auth.signIn', { code: 'ZZZ9', pin: '0000' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED', details: {} } });
    expect(unknown).toEqual(wrong);
    expect(failedAttempts('C001')).toBe(1);
  });

  it('locks after 5 wrong PINs — even the right PIN is refused — and unlocks after the lockout', async () => {
    const conn = f.core.connect();
    for (let i = 0; i < 4; i++) await call(conn, 'auth.signIn', { code: 'C001', pin: '0000' });
    expect(await call(conn, 'auth.signIn', { code: 'C001', pin: '0000' })).toMatchObject({
      ok: false,
      error: { code: 'AUTH_LOCKED', details: { minutes: 5 } },
    });
    expect(await call(conn, 'auth.signIn', { code: 'C001', pin: '1111' })).toMatchObject({
      ok: false,
      error: { code: 'AUTH_LOCKED' },
    });
    f.setNow(T0 + 3 * 60_000);
    expect(await call(conn, 'auth.signIn', { code: 'C001', pin: '1111' })).toMatchObject({
      ok: false,
      error: { code: 'AUTH_LOCKED', details: { minutes: 2 } },
    });
    f.setNow(T0 + 5 * 60_000 + 1);
    expect((await call(conn, 'auth.signIn', { code: 'C001', pin: '1111' })).ok).toBe(true);
    // The lockout is audited.
    const rows = f.core.ctx.db.sqlite
      .prepare("SELECT action FROM audit_log WHERE action = 'staff.locked'")
      .all();
    expect(rows).toHaveLength(1);
    expect(verifyAudit(f.core.ctx.db.sqlite).ok).toBe(true);
  });

  it('after the lockout expires a wrong PIN starts counting again from the full allowance', async () => {
    const conn = f.core.connect();
    for (let i = 0; i < 5; i++) await call(conn, 'auth.signIn', { code: 'C001', pin: '0000' });
    f.setNow(T0 + 6 * 60_000);
    expect(await call(conn, 'auth.signIn', { code: 'C001', pin: '0000' })).toMatchObject({
      error: { code: 'AUTH_FAILED' },
    });
    expect(failedAttempts('C001')).toBe(1);
  });

  it('rejects malformed PINs at the contract without counting an attempt', async () => {
    const conn = f.core.connect();
    for (const pin of ['', '12', 'abcd', '1'.repeat(9), '12 34']) {
      expect(await call(conn, 'auth.signIn', { code: 'C001', pin })).toMatchObject({
        error: { code: 'INVALID_INPUT' },
      });
    }
    expect(failedAttempts('C001')).toBe(0);
  });

  it('a badge scan switches the clerk on the same connection', async () => {
    const conn = await f.as('C001');
    expect(await call(conn, 'auth.signInBadge', { badge: 'CDB-TESTMGR1' })).toMatchObject({
      ok: true,
      value: { staff: { code: 'M001' } },
    });
    expect(await call(conn, 'auth.session', {})).toMatchObject({
      value: { session: { staff: { code: 'M001' } } },
    });
    expect(await call(conn, 'auth.signInBadge', { badge: 'CDB-NOSUCHBADGE' })).toMatchObject({
      error: { code: 'AUTH_BADGE_UNKNOWN' },
    });
  });

  it('the quick-switch list carries no secrets', async () => {
    const r = await call(f.core.connect(), 'auth.staffList', {});
    expect(r.ok).toBe(true);
    const json = JSON.stringify(r);
    expect(json).not.toMatch(/scrypt|pin|badge/i);
    expect((r as { value: unknown[] }).value).toHaveLength(5);
  });
});
