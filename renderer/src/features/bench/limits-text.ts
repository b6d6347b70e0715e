/** A step's pass range in words a technician reads at a glance: "18.525 V … 20.475 V", "≤ 200 mV", "≥ 5 V". */
import { formatQuantity, METER_UNITS, type MeterUnit } from '../../../../shared/domain/meter/units';

const asUnit = (u: string): MeterUnit =>
  (METER_UNITS as readonly string[]).includes(u) ? (u as MeterUnit) : '';

/** The range of `low`/`high` (base units; null = open). */
export function limitsText(low: number | null, high: number | null, unit: string): string {
  const u = asUnit(unit);
  if (low !== null && high !== null) return `${formatQuantity(low, u)} … ${formatQuantity(high, u)}`;
  if (high !== null) return `≤ ${formatQuantity(high, u)}`;
  if (low !== null) return `≥ ${formatQuantity(low, u)}`;
  return '—';
}
