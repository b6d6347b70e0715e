/** The (key, count, amount) rows every "by tender / by reason / by category" figure is made of. */
export interface AmountRow {
  key: string;
  count: number;
  amountMinor: number;
}

/** Group rows as reported: a missing key shows as '—', a missing sum as 0. */
export function amountRows(rows: readonly { key: string | null; count: number | null; amountMinor: number | null }[]): AmountRow[] {
  return rows.map((r) => ({ key: r.key ?? '—', count: r.count ?? 0, amountMinor: r.amountMinor ?? 0 }));
}

/** SQL `sum()`/`avg()` of no rows is null; the report's figure is 0. */
export const orZero = (v: number | null | undefined): number => v ?? 0;
