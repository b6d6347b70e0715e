/**
 * Where a returned item goes after inspection (its stock bucket), and which destinations a
 * condition allows: a faulty or damaged item never goes back on the sellable shelf.
 */
import type { ConditionGrade } from '../policy/vocabulary';

export const DISPOSITIONS = ['restock', 'open_box', 'rma_vendor', 'scrap'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/** The stock bucket (stock_moves.bucket) each disposition moves the item into. */
export const DISPOSITION_BUCKET: Readonly<Record<Disposition, string>> = {
  restock: 'sellable',
  open_box: 'open_box',
  rma_vendor: 'rma_vendor',
  scrap: 'scrap',
};

/** Allowed destinations per grade for an item without a confirmed fault; the first is the default. */
const BY_GRADE: Readonly<Record<ConditionGrade, readonly Disposition[]>> = {
  'A-new': ['restock', 'open_box', 'rma_vendor'],
  'B-opened': ['open_box', 'rma_vendor', 'scrap'],
  'A-defective': ['rma_vendor', 'scrap'],
  'C-damaged': ['scrap', 'rma_vendor'],
};

/** Destinations for an item with a confirmed (or claimed, not disproved) fault; the first is the default. */
const FAULTY: readonly Disposition[] = ['rma_vendor', 'scrap'];

/** The dispositions allowed for a grade; `faulty` = a fault was claimed and not disproved at inspection. */
export function allowedDispositions(grade: ConditionGrade, faulty: boolean): readonly Disposition[] {
  return faulty ? FAULTY : BY_GRADE[grade];
}

/** The default disposition for a grade (see allowedDispositions). */
export function defaultDisposition(grade: ConditionGrade, faulty: boolean): Disposition {
  return allowedDispositions(grade, faulty)[0] ?? 'rma_vendor';
}
