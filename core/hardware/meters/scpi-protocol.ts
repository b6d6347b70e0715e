/**
 * SCPI text rules shared by the SCPI meter driver and simulator: function mnemonics
 * (CONF:VOLT:DC, MEAS:CURR:AC?), NR3 numbers (+1.94700000E+01) with the SCPI overload
 * values ±9.9E37 and NaN 9.91E37, *IDN? answers, CONF? answers, and header matching with
 * short and long forms (CONF / CONFigure). Pure; never throws on what a device sends.
 */
import type { MeterFunction } from '../../../shared/domain/meter/reading';

/** The SCPI measurement function for each meter function (null: no standard mnemonic). */
export const SCPI_FUNCTION: Record<MeterFunction, string | null> = {
  DCV: 'VOLT:DC',
  ACV: 'VOLT:AC',
  DCA: 'CURR:DC',
  ACA: 'CURR:AC',
  OHM: 'RES',
  CONT: 'CONT',
  DIODE: 'DIOD',
  CAP: 'CAP',
  FREQ: 'FREQ',
  TEMP: 'TEMP',
  DUTY: null,
};

export type ScpiRange = number | 'AUTO' | 'MIN' | 'MAX' | 'DEF';

/** Formats a number in NR3 like a bench meter: formatNr3(19.47) = "+1.94700000E+01". */
export function formatNr3(value: number, mantissaDigits = 8): string {
  if (!Number.isFinite(value)) return value < 0 ? '-9.90000000E+37' : '+9.90000000E+37';
  const [mantissa = '0', exponent = '0'] = Math.abs(value).toExponential(mantissaDigits).split('e');
  const exp = Number(exponent);
  const sign = value < 0 || Object.is(value, -0) ? '-' : '+';
  return `${sign}${mantissa}E${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

function formatRange(range: ScpiRange): string {
  return typeof range === 'number' ? formatNr3(range, 6) : range;
}

/** `CONF:VOLT:DC` or `CONF:VOLT:DC +2.000000E+01`; null when the function has no SCPI mnemonic. */
export function configureCommand(fn: MeterFunction, range?: ScpiRange): string | null {
  const mnemonic = SCPI_FUNCTION[fn];
  if (!mnemonic) return null;
  return range === undefined ? `CONF:${mnemonic}` : `CONF:${mnemonic} ${formatRange(range)}`;
}

/** `MEAS:VOLT:DC?`; null when the function has no SCPI mnemonic. */
export function measureQuery(fn: MeterFunction): string | null {
  const mnemonic = SCPI_FUNCTION[fn];
  return mnemonic ? `MEAS:${mnemonic}?` : null;
}

export type Nr3Result =
  | { ok: true; kind: 'value'; value: number }
  | { ok: true; kind: 'overload'; negative: boolean }
  | { ok: false; reason: 'EMPTY' | 'NOT_A_NUMBER' | 'SCPI_NAN' | 'MULTIPLE_VALUES' };

const NUMBER_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Parses one NRf number (NR1/NR2/NR3); ±9.9E37 is overload, 9.91E37 is SCPI's "not a number". */
export function parseNr3(text: string): Nr3Result {
  const t = text.trim();
  if (t === '') return { ok: false, reason: 'EMPTY' };
  if (t.includes(',')) return { ok: false, reason: 'MULTIPLE_VALUES' };
  if (!NUMBER_RE.test(t)) return { ok: false, reason: 'NOT_A_NUMBER' };
  const value = Number(t);
  if (!Number.isFinite(value)) return { ok: false, reason: 'NOT_A_NUMBER' };
  const magnitude = Math.abs(value);
  if (magnitude >= 9.905e37 && magnitude <= 9.915e37) return { ok: false, reason: 'SCPI_NAN' };
  if (magnitude >= 9.9e37) return { ok: true, kind: 'overload', negative: value < 0 };
  return { ok: true, kind: 'value', value };
}

export interface ScpiIdentity {
  manufacturer: string;
  model: string;
  serial: string;
  firmware: string;
}

/** Parses a *IDN? answer "KEYSIGHT,34461A,MY12345678,A.03.01"; null unless it has four fields. */
export function parseIdn(line: string): ScpiIdentity | null {
  const parts = line.trim().split(',');
  if (parts.length !== 4) return null;
  const [manufacturer, model, serial, firmware] = parts.map((p) => p.trim()) as [
    string,
    string,
    string,
    string,
  ];
  if (!manufacturer || !model) return null;
  return { manufacturer, model, serial, firmware };
}

/** Formats an identity as a *IDN? answer. */
export function formatIdn(id: ScpiIdentity): string {
  return [id.manufacturer, id.model, id.serial, id.firmware].join(',');
}

/** Is `token` the mnemonic in either form? matchesMnemonic('conf', 'CONFigure') → true. */
export function matchesMnemonic(token: string, mnemonic: string): boolean {
  const upper = token.toUpperCase();
  const short = mnemonic.replace(/[a-z]+$/, '');
  return upper === short || upper === mnemonic.toUpperCase();
}

/** The measurement-function part of a header ("VOLT:DC", "VOLTage", "CURR:AC") → meter function. */
export function functionFromMnemonics(tokens: readonly string[]): MeterFunction | null {
  const [first, second] = tokens;
  if (first === undefined) return null;
  const acdc = (): 'AC' | 'DC' | null => {
    if (second === undefined || matchesMnemonic(second, 'DC')) return 'DC';
    if (matchesMnemonic(second, 'AC')) return 'AC';
    return null;
  };
  if (matchesMnemonic(first, 'VOLTage')) {
    const c = acdc();
    return c === 'DC' ? 'DCV' : c === 'AC' ? 'ACV' : null;
  }
  if (matchesMnemonic(first, 'CURRent')) {
    const c = acdc();
    return c === 'DC' ? 'DCA' : c === 'AC' ? 'ACA' : null;
  }
  if (second !== undefined) return null;
  if (matchesMnemonic(first, 'RESistance')) return 'OHM';
  if (matchesMnemonic(first, 'CONTinuity')) return 'CONT';
  if (matchesMnemonic(first, 'DIODe')) return 'DIODE';
  if (matchesMnemonic(first, 'CAPacitance')) return 'CAP';
  if (matchesMnemonic(first, 'FREQuency')) return 'FREQ';
  if (matchesMnemonic(first, 'TEMPerature')) return 'TEMP';
  return null;
}

/**
 * Parses a CONF? answer such as `"VOLT +1.000000E+01,+3.000000E-06"` or `"CURR:AC +1.0E+00,..."`
 * into the function and range text; null when unrecognised.
 */
export function parseConfAnswer(line: string): { function: MeterFunction; range?: string } | null {
  const t = line.trim().replace(/^"|"$/g, '').trim();
  const match = /^([A-Za-z:]+)(?:\s+([^,\s]+))?/.exec(t);
  if (!match) return null;
  const fn = functionFromMnemonics((match[1] ?? '').split(':').filter(Boolean));
  if (!fn) return null;
  const range = match[2];
  return range !== undefined ? { function: fn, range } : { function: fn };
}

export interface ScpiCommand {
  /** Header tokens without the leading colon or the trailing '?', e.g. ['CONF', 'VOLT', 'DC']. */
  tokens: string[];
  query: boolean;
  /** Parameter text after the header, trimmed ('' when none). */
  args: string;
}

/** Splits one program message unit "CONF:VOLT:DC 10" / "MEAS:VOLT:DC?" / "*IDN?"; null if malformed. */
export function parseScpiCommand(line: string): ScpiCommand | null {
  const t = line.trim();
  const match = /^:?(\*?[A-Za-z][A-Za-z0-9]*(?::[A-Za-z][A-Za-z0-9]*)*)(\?)?(?:\s+(.*))?$/.exec(t);
  if (!match) return null;
  return { tokens: (match[1] ?? '').split(':'), query: match[2] === '?', args: (match[3] ?? '').trim() };
}
