/** Reads the drizzle-kit migration folder: the journal plus each migration's SQL statements. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const journalSchema = z.object({
  entries: z.array(z.object({ idx: z.number().int(), tag: z.string(), when: z.number() })),
});

export interface MigrationFile {
  idx: number;
  tag: string;
  hash: string;
  statements: string[];
}

export function readMigrations(folder: string): MigrationFile[] {
  const journal = journalSchema.parse(
    JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')),
  );
  const entries = [...journal.entries].sort((a, b) => a.idx - b.idx);
  entries.forEach((e, i) => {
    if (e.idx !== i) throw new Error(`migrations: journal index ${e.idx} out of order (expected ${i})`);
    if (i > 0 && e.when <= entries[i - 1]!.when)
      throw new Error(`migrations: ${e.tag} is not newer than its predecessor`);
  });
  return entries.map((e) => {
    const sql = readFileSync(join(folder, `${e.tag}.sql`), 'utf8');
    return {
      idx: e.idx,
      tag: e.tag,
      hash: createHash('sha256').update(sql).digest('hex'),
      statements: sql
        .split('--> statement-breakpoint')
        .map((s) => s.trim())
        .filter((s) => s.length > 0),
    };
  });
}
