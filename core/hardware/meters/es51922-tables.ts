/**
 * Cyrustek ES51922 (UNI-T UT61E) serial packet tables, from the ES51922 datasheet's serial
 * data format (also documented by sigrok's es519xx notes): 14 bytes at 19200 baud 7O1 —
 *
 *   0 range · 1–5 digits (most significant first) · 6 function · 7 status · 8 option1 ·
 *   9 option2 · 10 option3 · 11 option4 · 12 CR · 13 LF
 *
 * Every byte but CR/LF is 0x3X: the low nibble carries the information.
 * Each range entry gives the power of ten to apply to the 5-digit integer (value in the
 * base unit) and the prefix the meter's LCD shows for that range.
 */
import type { UnitPrefix } from '../../../shared/domain/meter/units';

export const ES51922_PACKET_LENGTH = 14;
export const ES51922_MAX_COUNT = 22000;

/** Function byte codes (byte 6). */
export const ES51922_FUNCTION = {
  CURRENT_22A: 0x30,
  DIODE: 0x31,
  FREQUENCY: 0x32,
  RESISTANCE: 0x33,
  TEMPERATURE: 0x34,
  CONTINUITY: 0x35,
  CAPACITANCE: 0x36,
  CURRENT_MANUAL_A: 0x39,
  VOLTAGE: 0x3b,
  CURRENT_UA: 0x3d,
  ADP: 0x3e,
  CURRENT_MA: 0x3f,
} as const;

/** Status byte (7) bits. */
export const STATUS = { JUDGE: 0x08, SIGN: 0x04, BATT: 0x02, OL: 0x01 } as const;
/** Option1 byte (8) bits. */
export const OPTION1 = { MAX: 0x08, MIN: 0x04, REL: 0x02, RMR: 0x01 } as const;
/** Option2 byte (9) bits. */
export const OPTION2 = { UL: 0x08, PMAX: 0x04, PMIN: 0x02 } as const;
/** Option3 byte (10) bits. */
export const OPTION3 = { DC: 0x08, AC: 0x04, AUTO: 0x02, VAHZ: 0x01 } as const;
/** Option4 byte (11) bits. */
export const OPTION4 = { VBAR: 0x04, HOLD: 0x02, LPF: 0x01 } as const;

export interface RangeEntry {
  /** value [base unit] = digits × 10^exp */
  exp: number;
  /** Prefix on the LCD for this range (digits shown with exp − prefixExponent decimals). */
  prefix: UnitPrefix;
  /** Full scale as the datasheet names the range, in `prefix` units (22 for "22.000 V"). */
  full: number;
}

type RangeTable = readonly (RangeEntry | null)[];

const r = (exp: number, prefix: UnitPrefix, full: number): RangeEntry => ({ exp, prefix, full });

/** Voltage: 2.2000 V, 22.000 V, 220.00 V, 2200.0 V, 220.00 mV. */
export const VOLTAGE_RANGES: RangeTable = [
  r(-4, '', 2.2),
  r(-3, '', 22),
  r(-2, '', 220),
  r(-1, '', 2200),
  r(-5, 'm', 220),
];
/** Auto µA (VBAR = 0): 220.00 µA, 2200.0 µA. */
export const MICROAMP_RANGES: RangeTable = [r(-8, 'µ', 220), r(-7, 'µ', 2200)];
/** Auto mA (VBAR = 0): 22.000 mA, 220.00 mA. */
export const MILLIAMP_RANGES: RangeTable = [r(-6, 'm', 22), r(-5, 'm', 220)];
/** 22 A current: 22.000 A. */
export const AMP_22A_RANGES: RangeTable = [r(-3, '', 22)];
/** Manual A: 2.2000 A, 22.000 A, 220.00 A, 2200.0 A, 22000 A. */
export const MANUAL_AMP_RANGES: RangeTable = [
  r(-4, '', 2.2),
  r(-3, '', 22),
  r(-2, '', 220),
  r(-1, '', 2200),
  r(0, '', 22000),
];
/** Resistance and continuity: 220.00 Ω, 2.2000 kΩ, 22.000 kΩ, 220.00 kΩ, 2.2000 MΩ, 22.000 MΩ, 220.00 MΩ. */
export const RESISTANCE_RANGES: RangeTable = [
  r(-2, '', 220),
  r(-1, 'k', 2.2),
  r(0, 'k', 22),
  r(1, 'k', 220),
  r(2, 'M', 2.2),
  r(3, 'M', 22),
  r(4, 'M', 220),
];
/** Frequency: 22.00 Hz, 220.0 Hz, (range 2 undefined), 22.000 kHz, 220.00 kHz, 2.2000 MHz, 22.000 MHz, 220.00 MHz. */
export const FREQUENCY_RANGES: RangeTable = [
  r(-2, '', 22),
  r(-1, '', 220),
  null,
  r(0, 'k', 22),
  r(1, 'k', 220),
  r(2, 'M', 2.2),
  r(3, 'M', 22),
  r(4, 'M', 220),
];
/** Capacitance: 22.000 nF, 220.00 nF, 2.2000 µF, 22.000 µF, 220.00 µF, 2.2000 mF, 22.000 mF, 220.00 mF. */
export const CAPACITANCE_RANGES: RangeTable = [
  r(-12, 'n', 22),
  r(-11, 'n', 220),
  r(-10, 'µ', 2.2),
  r(-9, 'µ', 22),
  r(-8, 'µ', 220),
  r(-7, 'm', 2.2),
  r(-6, 'm', 22),
  r(-5, 'm', 220),
];
/** Diode: 2.2000 V. */
export const DIODE_RANGES: RangeTable = [r(-4, '', 2.2)];
/** Duty cycle (frequency function with the judge bit): 0.1 % resolution whatever the range byte. */
export const DUTY_ENTRY: RangeEntry = r(-1, '', 100);
