import { afterEach, describe, expect, it } from 'vitest';
import { storeFacts } from '../../../db/repositories/store/store-facts';
import { readSettings, writeSettings } from '../../../db/repositories/store/settings';
import { contractApi, makeCore, type CoreFixture } from '../../helpers/core-fixture';

let f: CoreFixture | null = null;
afterEach(() => {
  f?.close();
  f = null;
});

describe('store facts: one answer for every slip and report', () => {
  it('names the store by its row until Settings name it, then by Settings', async () => {
    f = makeCore();
    const { db, storeId } = f.core.ctx;
    expect(storeFacts(db, storeId)).toMatchObject({
      name: 'CounterDesk',
      timeZone: 'Asia/Shanghai',
      currency: 'CNY',
      paper: 80,
    });
    const m = await f.as('M001');
    await contractApi(f).ok(m, 'settings.update', { storeName: '朝阳店', receiptWidth: 58, locale: 'en-US' });
    expect(storeFacts(db, storeId)).toMatchObject({ name: '朝阳店', paper: 58, locale: 'en-US' });
  });

  it('falls back to the default for a damaged stored value and keeps the valid ones', () => {
    f = makeCore();
    const { db, storeId, now } = f.core.ctx;
    writeSettings(db, storeId, { timeZone: 'Europe/Berlin' }, now());
    db.transaction(() => writeSettings(db, storeId, { receiptWidth: 58 }, now()));
    expect(readSettings(db, storeId)).toMatchObject({ timeZone: 'Europe/Berlin', receiptWidth: 58 });
    // a value that is not JSON (written by an older build or by hand) is ignored, not fatal
    db.sqlite.prepare("UPDATE settings SET value = '{oops' WHERE key = 'timeZone'").run();
    expect(readSettings(db, storeId)).toMatchObject({ timeZone: 'Asia/Shanghai', receiptWidth: 58 });
  });
});
