/** The store facts a report needs (time zone, currency, name, locale, paper), read from the report's own connection. */
import type { SqliteDb } from '../../../db/open';
import { readSettings } from '../settings/settings-repo';

export interface ReportStore {
  id: number;
  name: string;
  timeZone: string;
  currency: string;
  locale: 'zh-CN' | 'en-US';
  paper: 58 | 80;
}

/** The store row and its settings (settings win for name, zone, locale and paper, as on every slip). */
export function reportStore(db: SqliteDb, storeId: number): ReportStore {
  const r = db.prepare('SELECT id, name, currency FROM stores WHERE id = ?').get(storeId) as
    | { id: number; name: string; currency: string }
    | undefined;
  if (!r) throw new Error(`store ${storeId} not found`);
  const s = readSettings(db, storeId);
  return {
    id: r.id,
    name: s.storeName !== 'CounterDesk' ? s.storeName : r.name,
    timeZone: s.timeZone,
    currency: r.currency,
    locale: s.locale,
    paper: s.receiptWidth,
  };
}
