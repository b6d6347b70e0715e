/**
 * Builds ES51922 (UT61E) 14-byte packets from a value and function — the bytes a real meter
 * sends — for the UT61E simulator and for demo mode. Auto-ranges like the meter: the finest
 * range whose count still fits.
 */
import type { MeterFunction, ReadingFlags } from '../../../shared/domain/meter/reading';
import { prefixExponent, scaleByPow10 } from '../../../shared/domain/meter/units';
import {
  AMP_22A_RANGES,
  CAPACITANCE_RANGES,
  DIODE_RANGES,
  DUTY_ENTRY,
  ES51922_FUNCTION as FN,
  FREQUENCY_RANGES,
  MICROAMP_RANGES,
  MILLIAMP_RANGES,
  OPTION1,
  OPTION2,
  OPTION3,
  OPTION4,
  RESISTANCE_RANGES,
  STATUS,
  VOLTAGE_RANGES,
  type RangeEntry,
} from './es51922-tables';

export interface Es51922Spec {
  function: MeterFunction;
  /** Value in base units, or 'OL' for an overload packet. */
  value: number | 'OL';
  /** Force a range byte (0–7) instead of auto-ranging; the function code must have it. */
  rangeIndex?: number;
  /** For currents: which input/function code (default: the finest that fits). */
  currentInput?: 'uA' | 'mA' | 'A';
  flags?: Partial<ReadingFlags>;
}

export type EncodeResult =
  | { ok: true; bytes: Uint8Array; rangeIndex: number; functionByte: number }
  | { ok: false; reason: 'UNSUPPORTED_FUNCTION' | 'OUT_OF_RANGE' | 'BAD_RANGE' | 'BAD_VALUE' };

interface Candidate {
  functionByte: number;
  rangeIndex: number;
  entry: RangeEntry;
}

function candidates(table: readonly (RangeEntry | null)[], functionByte: number): Candidate[] {
  const out: Candidate[] = [];
  table.forEach((entry, rangeIndex) => {
    if (entry) out.push({ functionByte, rangeIndex, entry });
  });
  return out;
}

function candidatesFor(spec: Es51922Spec): Candidate[] | null {
  switch (spec.function) {
    case 'DCV':
    case 'ACV':
      return candidates(VOLTAGE_RANGES, FN.VOLTAGE);
    case 'DCA':
    case 'ACA': {
      const byInput = {
        uA: candidates(MICROAMP_RANGES, FN.CURRENT_UA),
        mA: candidates(MILLIAMP_RANGES, FN.CURRENT_MA),
        A: candidates(AMP_22A_RANGES, FN.CURRENT_22A),
      };
      return spec.currentInput ? byInput[spec.currentInput] : [...byInput.uA, ...byInput.mA, ...byInput.A];
    }
    case 'OHM':
      return candidates(RESISTANCE_RANGES, FN.RESISTANCE);
    case 'CONT':
      return candidates(RESISTANCE_RANGES, FN.CONTINUITY);
    case 'DIODE':
      return candidates(DIODE_RANGES, FN.DIODE);
    case 'CAP':
      return candidates(CAPACITANCE_RANGES, FN.CAPACITANCE);
    case 'FREQ':
      return candidates(FREQUENCY_RANGES, FN.FREQUENCY);
    case 'DUTY':
      return [{ functionByte: FN.FREQUENCY, rangeIndex: 0, entry: DUTY_ENTRY }];
    case 'TEMP':
      return null;
  }
}

/** Largest digit count the range can show (21999 on a 22.000 range, 2199 on 22.00 Hz). */
function maxCount(entry: RangeEntry): number {
  return Math.round(scaleByPow10(entry.full, prefixExponent(entry.prefix) - entry.exp)) - 1;
}

const nib = (n: number): number => 0x30 | (n & 0x0f);

/** Encodes one packet, or says why the value cannot be shown. */
export function encodeEs51922(spec: Es51922Spec): EncodeResult {
  const all = candidatesFor(spec);
  if (!all) return { ok: false, reason: 'UNSUPPORTED_FUNCTION' };
  const pool = spec.rangeIndex !== undefined ? all.filter((c) => c.rangeIndex === spec.rangeIndex) : all;
  if (pool.length === 0) return { ok: false, reason: 'BAD_RANGE' };
  const overload = spec.value === 'OL';
  if (!overload && !Number.isFinite(spec.value)) return { ok: false, reason: 'BAD_VALUE' };
  const magnitude = overload ? 0 : Math.abs(spec.value as number);
  // Finest range first: the smallest exponent that still fits the count.
  const ordered = [...pool].sort((x, y) => x.entry.exp - y.entry.exp);
  let chosen: Candidate | undefined;
  let digits = 0;
  for (const c of ordered) {
    const count = Math.round(scaleByPow10(magnitude, -c.entry.exp));
    if (count <= maxCount(c.entry)) {
      chosen = c;
      digits = count;
      break;
    }
  }
  if (overload) chosen = ordered[ordered.length - 1];
  if (!chosen) {
    if (spec.rangeIndex !== undefined) chosen = ordered[ordered.length - 1];
    else return { ok: false, reason: 'OUT_OF_RANGE' };
  }
  const c = chosen as Candidate;
  if (!overload) digits = Math.round(scaleByPow10(magnitude, -c.entry.exp));
  const fitsRange = overload || digits <= maxCount(c.entry);
  const f = spec.flags ?? {};
  const negative = !overload && (spec.value as number) < 0 && digits !== 0;
  const status =
    (spec.function === 'DUTY' ? STATUS.JUDGE : 0) |
    (negative ? STATUS.SIGN : 0) |
    (f.lowBattery ? STATUS.BATT : 0) |
    (overload || !fitsRange ? STATUS.OL : 0);
  const opt1 = (f.max ? OPTION1.MAX : 0) | (f.min ? OPTION1.MIN : 0) | (f.rel ? OPTION1.REL : 0);
  const opt2 =
    (f.peakMax ? OPTION2.PMAX : 0) | (f.peakMin ? OPTION2.PMIN : 0) | (f.underflow ? OPTION2.UL : 0);
  const dc = spec.function === 'DCV' || spec.function === 'DCA';
  const ac = spec.function === 'ACV' || spec.function === 'ACA';
  const auto = f.auto ?? spec.rangeIndex === undefined;
  const opt3 = (dc ? OPTION3.DC : 0) | (ac ? OPTION3.AC : 0) | (auto ? OPTION3.AUTO : 0);
  const opt4 = f.hold ? OPTION4.HOLD : 0;
  const shownDigits = fitsRange && !overload ? digits : 0;
  const digitText = String(shownDigits).padStart(5, '0');
  const bytes = new Uint8Array(14);
  bytes[0] = nib(c.rangeIndex);
  for (let i = 0; i < 5; i++) bytes[1 + i] = digitText.charCodeAt(i);
  bytes[6] = c.functionByte;
  bytes[7] = nib(status);
  bytes[8] = nib(opt1);
  bytes[9] = nib(opt2);
  bytes[10] = nib(opt3);
  bytes[11] = nib(opt4);
  bytes[12] = 0x0d;
  bytes[13] = 0x0a;
  return { ok: true, bytes, rangeIndex: c.rangeIndex, functionByte: c.functionByte };
}
