import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../db/audit/chain';
import { AppError } from '../../../shared/contract/errors';
import { consumeOverride, OVERRIDE_TTL_MS } from '../../../core/services/auth/override';
import { makeCore, type CoreFixture } from '../../helpers/core-fixture';

let f: CoreFixture;
const T0 = Date.UTC(2026, 10, 23, 6, 0, 0);
beforeEach(() => {
  f = makeCore({ now: T0 });
});
afterEach(() => f.close());

async function grant(pin = '909090', code = 'M001') {
  const clerk = await f.as('C001');
  return f.core.dispatcher.call(clerk, 'auth.requestOverride', {
    action: 'returns.commit',
    reasonCode: 'goodwill',
    note: '老顾客',
    managerCode: code,
    pin,
    request: REQUEST,
  });
}

/** The return being approved (a grant for returns.commit is bound to its request). */
const REQUEST = {
  receiptNo: 'S-20261120-0001',
  resolution: 'refund' as const,
  lines: [
    {
      lineNo: 1,
      qty: 1,
      reason: 'no_reason' as const,
      inspection: {
        grade: 'A-new' as const,
        accessoriesComplete: true,
        packagingIntact: true,
        serialMatches: null,
        faultReproduced: null,
        checklist: [],
      },
    },
  ],
  expectedTotalMinor: 10_000,
};

function consume(token: string, action = 'returns.commit') {
  const db = f.core.ctx.db;
  try {
    return db.transaction(() =>
      consumeOverride(db, token, action, { type: 'return', id: 'R-20261123-0001' }, f.core.ctx.now()),
    );
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
}

describe('manager override', () => {
  it('a manager PIN at the counter grants one action, recorded with both staff and the reason', async () => {
    const r = await grant();
    expect(r).toMatchObject({ ok: true, value: { manager: { code: 'M001', name: '张店长' } } });
    const token = (r as { value: { token: string } }).value.token;
    expect(consume(token)).toMatchObject({ reasonCode: 'goodwill', note: '老顾客' });
    const row = f.core.ctx.db.sqlite
      .prepare('SELECT manager_id, requested_by, consumed_at, entity_id FROM overrides')
      .get();
    expect(row).toMatchObject({ consumed_at: T0, entity_id: 'R-20261123-0001' });
    const audit = f.core.ctx.db.sqlite
      .prepare("SELECT staff_id, data FROM audit_log WHERE action = 'override.granted'")
      .get() as { data: string };
    expect(JSON.parse(audit.data)).toMatchObject({ action: 'returns.commit', reasonCode: 'goodwill' });
    expect(verifyAudit(f.core.ctx.db.sqlite).ok).toBe(true);
  });

  it('is one-time, action-bound and short-lived', async () => {
    const token = ((await grant()) as { value: { token: string } }).value.token;
    expect(consume(token, 'returns.somethingElse')).toBe('OVERRIDE_INVALID');
    expect(consume(token)).toMatchObject({ reasonCode: 'goodwill' });
    expect(consume(token)).toBe('OVERRIDE_USED');
    const late = ((await grant()) as { value: { token: string } }).value.token;
    f.setNow(T0 + OVERRIDE_TTL_MS + 1);
    expect(consume(late)).toBe('OVERRIDE_EXPIRED');
    expect(consume('forged-token')).toBe('OVERRIDE_INVALID');
  });

  it('a clerk’s own PIN cannot approve, and a wrong manager PIN counts toward the lockout', async () => {
    expect(await grant('1111', 'C001')).toMatchObject({ ok: false, error: { code: 'OVERRIDE_NOT_MANAGER' } });
    expect(await grant('0000')).toMatchObject({
      ok: false,
      error: { code: 'AUTH_FAILED', details: { attemptsLeft: 4 } },
    });
    expect(f.core.ctx.db.sqlite.prepare('SELECT count(*) AS n FROM overrides').get()).toEqual({ n: 0 });
  });

  it('needs a signed-in requester', async () => {
    const r = await f.core.dispatcher.call(f.core.connect(), 'auth.requestOverride', {
      action: 'returns.commit',
      reasonCode: 'goodwill',
      managerCode: 'M001',
      pin: '909090',
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'SIGNED_OUT' } });
  });
});
