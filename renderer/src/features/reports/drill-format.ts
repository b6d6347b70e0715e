/**
 * How a drill-down cell is shown: money in the store currency, instants as store-local
 * `YYYY-MM-DD HH:mm`, status / category / reason / kind codes by their translated names. Pure, so
 * the grid and its tests format the same way.
 */
import type { DrillOutput } from '../../../../shared/contract/methods/reports';
import { localParts } from '../../../../shared/domain/time/business-day';

type Kind = DrillOutput['columns'][number]['kind'];
type Cell = DrillOutput['rows'][number][string];

/** Translation prefix of each code-valued column kind. */
const CODE_PREFIX: Partial<Record<Kind, string>> = {
  status: 'repairs.status',
  category: 'repairsUi.category',
  returnReason: 'policy.returnReason',
  overrideReason: 'returnsUi.override.reasons',
  returnKind: 'returnsUi.history.kind',
};

const two = (n: number) => String(n).padStart(2, '0');

/** `ms` as `YYYY-MM-DD HH:mm` in `zone`. */
export function storeTime(ms: number, zone: string): string {
  const p = localParts(ms, zone);
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
}

/** The name of a code under `prefix`, or the code itself when there is none. */
export function codeName(t: (key: string) => string, prefix: string, code: string): string {
  const key = `${prefix}.${code}`;
  const v = t(key);
  return v === key ? code : v;
}

export interface CellFormat {
  t(key: string): string;
  money(minor: number): string;
  zone: string;
}

/** The text of one cell of `kind`. */
export function formatCell(kind: Kind, value: Cell | undefined, f: CellFormat): string {
  if (value === null || value === undefined || value === '') return '—';
  if (kind === 'money') return typeof value === 'number' ? f.money(value) : String(value);
  if (kind === 'instant') return typeof value === 'number' ? storeTime(value, f.zone) : String(value);
  const prefix = CODE_PREFIX[kind];
  return prefix ? codeName(f.t, prefix, String(value)) : String(value);
}
