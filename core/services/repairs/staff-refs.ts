/** Staff id → { id, code, name } for views, one look-up per distinct id. */
import type { DbClient } from '../../../db/client';
import { staffRef, type StaffRef } from '../../../db/repositories/repairs/technicians';

export type { StaffRef };

/** A memoising resolver of staff references (null ids and unknown ids give null). */
export function staffResolver(db: DbClient): (id: number | null | undefined) => StaffRef | null {
  const cache = new Map<number, StaffRef | null>();
  return (id) => {
    if (id === null || id === undefined) return null;
    if (!cache.has(id)) cache.set(id, staffRef(db, id) ?? null);
    return cache.get(id) ?? null;
  };
}
