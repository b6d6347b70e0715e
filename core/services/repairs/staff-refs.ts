/** Staff id → { id, code, name } for views, one query per distinct id. */
import type { SqliteDb } from '../../../db/open';

export interface StaffRef {
  id: number;
  code: string;
  name: string;
}

/** A memoising resolver of staff references (null ids and unknown ids give null). */
export function staffResolver(db: SqliteDb): (id: number | null | undefined) => StaffRef | null {
  const stmt = db.prepare('SELECT id, code, name FROM staff WHERE id = ?');
  const cache = new Map<number, StaffRef | null>();
  return (id) => {
    if (id === null || id === undefined) return null;
    if (!cache.has(id)) cache.set(id, (stmt.get(id) as StaffRef | undefined) ?? null);
    return cache.get(id) ?? null;
  };
}
