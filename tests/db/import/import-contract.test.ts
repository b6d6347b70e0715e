import { describe, expect, it } from 'vitest';
import { makeCore } from '../../helpers/core-fixture';
import { cableRow, HEADER } from './import-fixture';

describe('sales.import through the dispatcher', () => {
  it('a manager imports; the report says what happened; the sale opens by receipt', async () => {
    const f = makeCore({ now: Date.UTC(2026, 10, 23, 6, 0, 0) });
    try {
      const conn = await f.as('M001');
      const content = [
        HEADER,
        cableRow('C-1', { receipt_no: 'S-20261120-0901' }),
        cableRow('C-2', { qty: '0' }),
      ].join('\r\n');
      const r = await f.core.dispatcher.call(conn, 'sales.import', {
        format: 'csv',
        content,
        fileName: 'pos.csv',
      });
      expect(r).toMatchObject({
        ok: true,
        value: {
          format: 'csv',
          rowsRead: 2,
          salesImported: 1,
          salesSkippedDuplicate: 0,
          salesFailed: 1,
          errors: [{ row: 3, saleId: 'C-2', reason: 'import.errors.badQty' }],
        },
      });
      const sale = await f.core.dispatcher.call(conn, 'sales.byReceipt', { receiptNo: 'S-20261120-0901' });
      expect(sale).toMatchObject({ ok: true, value: { id: 'C-1', totalMinor: 5_900 } });
      const staffId = (
        f.core.ctx.db.sqlite.prepare(`SELECT id FROM staff WHERE code = 'M001'`).get() as { id: number }
      ).id;
      expect(f.core.ctx.db.sqlite.prepare('SELECT staff_id AS s FROM import_batches').get()).toEqual({
        s: staffId,
      });
    } finally {
      f.close();
    }
  });

  it('an unreadable file comes back as IMPORT_FILE_UNREADABLE with the reason key', async () => {
    const f = makeCore();
    try {
      const conn = await f.as('M001');
      const r = await f.core.dispatcher.call(conn, 'sales.import', { format: 'json', content: 'not json' });
      expect(r).toMatchObject({
        ok: false,
        error: {
          code: 'IMPORT_FILE_UNREADABLE',
          messageKey: 'errors.IMPORT_FILE_UNREADABLE',
          details: { reason: 'import.errors.invalidJson' },
        },
      });
    } finally {
      f.close();
    }
  });

  it('a clerk may not import sales', async () => {
    const f = makeCore();
    try {
      const conn = await f.as('C001');
      const r = await f.core.dispatcher.call(conn, 'sales.import', { format: 'csv', content: HEADER });
      expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    } finally {
      f.close();
    }
  });
});
