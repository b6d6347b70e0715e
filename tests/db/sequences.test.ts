import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client';
import { formatDocumentNumber, nextSequence } from '../../db/sequences';
import { tempDir } from '../helpers/temp-dir';

describe('document number sequences', () => {
  it('are per store, kind and day, gap-free across a rolled-back transaction', () => {
    const db = openDatabase(join(tempDir(), 's.sqlite'));
    const take = (kind: string, day: string) => db.sqlite.transaction(() => nextSequence(db, 1, kind, day))();
    expect(take('R', '2026-11-23')).toBe(1);
    expect(take('R', '2026-11-23')).toBe(2);
    expect(() =>
      db.sqlite.transaction(() => {
        nextSequence(db, 1, 'R', '2026-11-23');
        throw new Error('commit failed');
      })(),
    ).toThrow();
    expect(take('R', '2026-11-23')).toBe(3);
    expect(take('J', '2026-11-23')).toBe(1);
    expect(take('R', '2026-11-24')).toBe(1);
    expect(formatDocumentNumber('R', '2026-11-23', 7)).toBe('R-20261123-0007');
    expect(formatDocumentNumber('R', '2026-11-23', 12345)).toBe('R-20261123-12345');
    db.close();
  });
});
