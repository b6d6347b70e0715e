/**
 * Return drafts keep no ID-document number in clear (the stored row has only its last 4) and
 * expire: a draft last saved more than DRAFT_TTL_DAYS ago is gone from the list and cannot be read.
 */
import { describe, expect, it } from 'vitest';
import { DRAFT_TTL_DAYS } from '../../../core/services/returns/drafts';
import { contractApi, makeCore } from '../../helpers/core-fixture';

const ID = '110101199003074512';

describe('return drafts: no ID number in clear, and they expire', () => {
  it('masks every idDocument in the stored draft', async () => {
    const f = makeCore();
    try {
      const { ok } = contractApi(f);
      const clerk = await f.as('C001');
      const data = { noReceipt: { idDocument: ID, name: '李雷' }, nested: [{ idDocument: ` ${ID} ` }] };
      const { id } = await ok(clerk, 'returns.saveDraft', { title: '无小票退货', data });
      const row = f.core.ctx.db.sqlite.prepare('SELECT data FROM drafts WHERE id = ?').get(id) as {
        data: string;
      };
      expect(row.data).not.toContain(ID);
      expect(row.data).not.toContain('11010119900307');
      const back = (await ok(clerk, 'returns.drafts', { draftId: id })).data as typeof data;
      expect(back.noReceipt).toEqual({ idDocument: '****4512', name: '李雷' });
      expect(back.nested[0]?.idDocument).toBe('****4512');
    } finally {
      f.close();
    }
  });

  it('a draft older than the expiry is gone', async () => {
    const t0 = Date.UTC(2026, 10, 1, 2, 0);
    const f = makeCore({ now: t0 });
    try {
      const { ok, code } = contractApi(f);
      const clerk = await f.as('C001');
      const old = await ok(clerk, 'returns.saveDraft', { title: 'old', data: { step: 1 } });
      const fresh = await ok(clerk, 'returns.saveDraft', { title: 'fresh', data: { step: 2 } });
      const age = (id: string, ms: number) =>
        f.core.ctx.db.sqlite.prepare('UPDATE drafts SET updated_at = ? WHERE id = ?').run(t0 - ms, id);
      // Just inside the expiry: still listed.
      age(old.id, DRAFT_TTL_DAYS * 86_400_000 - 60_000);
      expect((await ok(clerk, 'returns.drafts', {})).drafts.map((d) => d.id).sort()).toEqual(
        [old.id, fresh.id].sort(),
      );
      // Past it: gone from the list, from a read and from the table.
      age(old.id, DRAFT_TTL_DAYS * 86_400_000 + 60_000);
      expect((await ok(clerk, 'returns.drafts', {})).drafts.map((d) => d.id)).toEqual([fresh.id]);
      expect(await code(clerk, 'returns.drafts', { draftId: old.id })).toBe('RETURN_DRAFT_NOT_FOUND');
      const rows = f.core.ctx.db.sqlite.prepare('SELECT id FROM drafts WHERE id = ?').all(old.id);
      expect(rows).toEqual([]);
    } finally {
      f.close();
    }
  });
});
