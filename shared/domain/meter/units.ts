/**
 * SI unit prefixes for meter values: convert between a prefixed number (19.5 mV) and the
 * SI base unit the app stores (0.0195 V), parse typed quantities ("470 kΩ") and format
 * values for the screen with a sensible prefix ("4.7 kΩ").
 */

export const UNIT_PREFIXES = ['p', 'n', 'µ', 'm', '', 'k', 'M', 'G'] as const;
export type UnitPrefix = (typeof UNIT_PREFIXES)[number];

const PREFIX_EXPONENT: Record<UnitPrefix, number> = {
  p: -12,
  n: -9,
  µ: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
};

/** The power of ten a prefix stands for (k → 3, µ → -6). */
export function prefixExponent(prefix: UnitPrefix): number {
  return PREFIX_EXPONENT[prefix];
}

/**
 * Multiplies by 10^exp; negative exponents divide by an exact power of ten so that
 * 19470 × 10^-3 gives the double nearest 19.47 (multiplying by 0.001 would not).
 */
export function scaleByPow10(value: number, exp: number): number {
  if (!Number.isInteger(exp)) throw new RangeError(`exponent must be an integer, got ${exp}`);
  if (exp === 0) return value;
  return exp > 0 ? value * 10 ** exp : value / 10 ** -exp;
}

/** Converts a prefixed number to the base unit: toBase(19.5, 'm') = 0.0195. */
export function toBase(value: number, prefix: UnitPrefix): number {
  return scaleByPow10(value, PREFIX_EXPONENT[prefix]);
}

/** Converts a base-unit number to a prefixed one: fromBase(0.0195, 'm') = 19.5. */
export function fromBase(value: number, prefix: UnitPrefix): number {
  return scaleByPow10(value, -PREFIX_EXPONENT[prefix]);
}

/** Accepts the spellings people type for a prefix ('u', 'μ' Greek mu, 'µ' micro sign, 'K'). */
export function normalizePrefix(text: string): UnitPrefix | undefined {
  switch (text) {
    case 'u':
    case 'μ':
    case 'µ':
      return 'µ';
    case 'K':
      return 'k';
    default:
      return (UNIT_PREFIXES as readonly string[]).includes(text) ? (text as UnitPrefix) : undefined;
  }
}

/** Units a meter value can carry ('' = dimensionless, e.g. continuity without a value). */
export const METER_UNITS = ['V', 'A', 'Ω', 'F', 'Hz', '°C', '%', ''] as const;
export type MeterUnit = (typeof METER_UNITS)[number];

/** Prefixes a screen may use for each unit, smallest first. */
const DISPLAY_PREFIXES: Record<MeterUnit, readonly UnitPrefix[]> = {
  V: ['µ', 'm', '', 'k'],
  A: ['n', 'µ', 'm', ''],
  Ω: ['', 'k', 'M', 'G'],
  F: ['p', 'n', 'µ', 'm', ''],
  Hz: ['', 'k', 'M', 'G'],
  '°C': [''],
  '%': [''],
  '': [''],
};

/** Normalises the unit spellings people type ('ohm', 'Ω' ohm sign, 'C', 'hz'). */
export function normalizeUnit(text: string): MeterUnit | undefined {
  switch (text) {
    case 'V':
    case 'v':
      return 'V';
    case 'A':
    case 'a':
      return 'A';
    case '\u03A9': // Greek capital omega
    case '\u2126': // ohm sign
    case 'ohm':
    case 'Ohm':
    case 'ohms':
      return 'Ω';
    case 'F':
      return 'F';
    case 'Hz':
    case 'hz':
    case 'HZ':
      return 'Hz';
    case '°C':
    case 'C':
    case '℃':
      return '°C';
    case '%':
      return '%';
    case '':
      return '';
    default:
      return undefined;
  }
}

/** The prefix that puts |value| in [1, 1000) for this unit, bounded by the prefixes the unit uses. */
export function pickPrefix(value: number, unit: MeterUnit): UnitPrefix {
  const allowed = DISPLAY_PREFIXES[unit];
  const first = allowed[0] ?? '';
  if (!Number.isFinite(value) || value === 0) return allowed.includes('') ? '' : first;
  const magnitude = Math.abs(value);
  let chosen: UnitPrefix = first;
  for (const prefix of allowed) {
    // Compare in the prefixed scale so that exactly 1 kΩ picks k, not ''.
    if (Math.abs(fromBase(magnitude, prefix)) >= 1) chosen = prefix;
  }
  return chosen;
}

export interface FormatOptions {
  /** Significant digits shown (default 5, like a 22000-count meter). */
  significant?: number;
  /** Force this prefix instead of picking one. */
  prefix?: UnitPrefix;
  /** Keep trailing zeros ("19.470 V") instead of trimming them ("19.47 V"). Default false. */
  keepZeros?: boolean;
}

/** Formats a base-unit value for the screen: formatQuantity(0.01947, 'V') = "19.47 mV". */
export function formatQuantity(value: number, unit: MeterUnit, options: FormatOptions = {}): string {
  if (!Number.isFinite(value)) return unit ? `— ${unit}` : '—';
  const prefix = options.prefix ?? pickPrefix(value, unit);
  const scaled = fromBase(value, prefix);
  const significant = options.significant ?? 5;
  const intDigits = scaled === 0 ? 1 : Math.max(1, Math.floor(Math.log10(Math.abs(scaled))) + 1);
  const decimals = Math.min(12, Math.max(0, significant - intDigits));
  let text = scaled.toFixed(decimals);
  if (!options.keepZeros && text.includes('.')) text = text.replace(/\.?0+$/, '');
  if (/^-0(\.0*)?$/.test(text)) text = text.slice(1);
  const suffix = `${prefix}${unit}`;
  return suffix ? `${text} ${suffix}` : text;
}

export type ParsedQuantity =
  | { ok: true; value: number; unit: MeterUnit; prefix: UnitPrefix }
  | { ok: false; reason: 'EMPTY' | 'MALFORMED' | 'UNKNOWN_UNIT' };

const QUANTITY_RE = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*(.*)$/;

/**
 * Parses a typed quantity into base units: "19.5 V", "470kΩ", "100 nF", "-12.3 mA", "5 %".
 * A lone prefix letter without a unit is rejected unless `unit` says which unit is meant.
 */
export function parseQuantity(text: string, unit?: MeterUnit): ParsedQuantity {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'EMPTY' };
  const match = QUANTITY_RE.exec(trimmed);
  if (!match) return { ok: false, reason: 'MALFORMED' };
  const number = Number(match[1]);
  if (!Number.isFinite(number)) return { ok: false, reason: 'MALFORMED' };
  const rest = (match[2] ?? '').trim();
  const whole = normalizeUnit(rest);
  if (whole !== undefined && (unit === undefined || whole === unit || whole === '')) {
    const resolved = whole === '' ? (unit ?? '') : whole;
    return { ok: true, value: number, unit: resolved, prefix: '' };
  }
  // prefix + unit, e.g. "kΩ", "mV", "uA"; or a lone prefix when the unit is known ("4.7k").
  const chars = Array.from(rest);
  const prefix = chars.length > 0 ? normalizePrefix(chars[0] ?? '') : undefined;
  if (prefix !== undefined) {
    const tail = chars.slice(1).join('');
    const tailUnit = tail === '' ? unit : normalizeUnit(tail);
    if (tailUnit !== undefined && (unit === undefined || tailUnit === unit)) {
      return { ok: true, value: toBase(number, prefix), unit: tailUnit, prefix };
    }
  }
  return { ok: false, reason: 'UNKNOWN_UNIT' };
}
