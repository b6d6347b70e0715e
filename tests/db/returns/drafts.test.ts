/**
 * Drafts: a half-done return survives a restart (a second core on the same file sees it) and a
 * clerk switch (another staff member resumes it); 200 KB is the limit; deleting is idempotent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeCore } from '../../../core/compose';
import { DRAFT_MAX_BYTES } from '../../../shared/contract/methods/returns';
import { counts, makeReturnsFixture, NOW, type ReturnsFixture } from './returns-fixture';

let f: ReturnsFixture;
beforeAll(async () => {
  f = await makeReturnsFixture();
});
afterAll(() => f.close());

const data = {
  step: 'inspect',
  receiptNo: 'S-20261118-0007',
  lines: [{ lineNo: 1, qty: 1, reason: 'performance_fault', checklist: { box: true, manual: true } }],
  note: '顾客说有破音',
};

describe('return drafts', () => {
  it('saves, lists newest first, resumes after a restart and a clerk switch, then deletes', async () => {
    const a = await f.call(f.clerk, 'returns.saveDraft', { title: '王芳 · 音箱', data });
    f.setNow(NOW + 60_000);
    const b = await f.call(f.clerk, 'returns.saveDraft', { title: '李娜 · 耳机', data: { step: 'find' } });
    expect(a.id).not.toBe(b.id);

    const other = composeCore({ dataDir: f.dataDir, host: 'cli', now: () => NOW + 120_000 });
    try {
      const conn = other.connect();
      const signIn = await other.dispatcher.call(conn, 'auth.signIn', { code: 'M001', pin: '909090' });
      expect(signIn.ok).toBe(true);
      const list = await other.dispatcher.call(conn, 'returns.drafts', { draftId: a.id });
      expect(list).toMatchObject({
        ok: true,
        value: {
          drafts: [
            { id: b.id, title: '李娜 · 耳机', staff: { code: 'C001' } },
            { id: a.id, title: '王芳 · 音箱', staff: { code: 'C001' }, createdAt: NOW },
          ],
          data,
        },
      });
      // The manager carries on with it: same id, now theirs.
      const saved = await other.dispatcher.call(conn, 'returns.saveDraft', {
        draftId: a.id,
        title: '王芳 · 音箱（检查中）',
        data: { ...data, step: 'resolve' },
      });
      expect(saved).toMatchObject({ ok: true, value: { id: a.id, updatedAt: NOW + 120_000 } });
    } finally {
      other.close();
    }
    const again = await f.call(f.clerk, 'returns.drafts', { draftId: a.id });
    expect(again.drafts[0]).toMatchObject({ id: a.id, staff: { code: 'M001' }, createdAt: NOW });
    expect(again.data).toEqual({ ...data, step: 'resolve' });

    expect(await f.call(f.clerk, 'returns.deleteDraft', { draftId: a.id })).toEqual({ deleted: true });
    expect(await f.call(f.clerk, 'returns.deleteDraft', { draftId: a.id })).toEqual({ deleted: false });
    expect((await f.fail(f.clerk, 'returns.drafts', { draftId: a.id })).code).toBe('RETURN_DRAFT_NOT_FOUND');
    f.setNow(NOW);
  });

  it('refuses a draft above 200 KB and keeps nothing of it', async () => {
    const before = f.db.prepare('SELECT count(*) AS n FROM drafts').get();
    const big = { blob: 'x'.repeat(DRAFT_MAX_BYTES) };
    const e = await f.fail(f.clerk, 'returns.saveDraft', { title: 'big', data: big });
    expect(e).toMatchObject({ code: 'RETURN_DRAFT_TOO_LARGE', details: { limit: 204_800 } });
    // Just under the limit in UTF-8 bytes (3 bytes per 汉字) is fine.
    const fits = { t: '汉'.repeat(Math.floor((DRAFT_MAX_BYTES - 20) / 3)) };
    const ok = await f.call(f.clerk, 'returns.saveDraft', { title: 'fits', data: fits });
    expect(f.db.prepare('SELECT count(*) AS n FROM drafts').get()).toEqual({
      n: (before as { n: number }).n + 1,
    });
    await f.call(f.clerk, 'returns.deleteDraft', { draftId: ok.id });
    expect(counts(f.db).returns).toBe(0);
  });
});
