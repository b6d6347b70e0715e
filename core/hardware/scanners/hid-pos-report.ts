/**
 * One HID-POS barcode scanner input report (HID usage page 0x8C, "Bar Code Scanner"), as node-hid
 * delivers it (report id first). Layout of the scanned-data report as Honeywell documents it for
 * its "HID POS" interface and as captured from a Voyager 1602g (64 bytes):
 *
 *   byte 0      report id 0x02
 *   byte 1      number of valid data bytes in this report (0–56)
 *   bytes 2–4   AIM symbology identifier, 3 ASCII bytes (`]E0`), zeros when not sent
 *   bytes 5–60  data (56 bytes; only the first `byte 1` are valid)
 *   byte 61     vendor symbology id (Honeywell code id, e.g. 'd' = EAN-13), 0 when not sent
 *   byte 62     reserved
 *   byte 63     flags: bit 0 = more data follows in the next report (continuation)
 *
 * A code longer than 56 bytes arrives as several reports, all but the last with bit 0 set.
 * Never throws: a malformed report is `{ ok: false, reason }`.
 */

export interface HidPosLayout {
  reportId: number;
  /** Bytes in one input report including the report id. */
  reportSize: number;
  lengthOffset: number;
  aimOffset: number;
  aimLength: number;
  dataOffset: number;
  dataCapacity: number;
  vendorSymbologyOffset: number;
  flagsOffset: number;
  /** Bit in the flags byte that says another report of the same code follows. */
  moreDataBit: number;
}

/** HID usage page and usage of a barcode scanner application collection (HID POS Usage Tables). */
export const HID_POS_USAGE_PAGE = 0x8c;
export const HID_POS_USAGE_BARCODE_SCANNER = 0x02;

export const HID_POS_LAYOUT: Readonly<HidPosLayout> = Object.freeze({
  reportId: 0x02,
  reportSize: 64,
  lengthOffset: 1,
  aimOffset: 2,
  aimLength: 3,
  dataOffset: 5,
  dataCapacity: 56,
  vendorSymbologyOffset: 61,
  flagsOffset: 63,
  moreDataBit: 0x01,
});

export const HID_POS_REPORT_ERRORS = ['wrong_report_id', 'bad_size', 'bad_length', 'bad_aim'] as const;
export type HidPosReportError = (typeof HID_POS_REPORT_ERRORS)[number];

export interface HidPosReport {
  /** AIM id such as `]E0`, or undefined when the scanner sent zeros. */
  aim?: string;
  /** The valid data bytes of this report (a copy). */
  data: Uint8Array;
  /** Another report of the same code follows. */
  more: boolean;
  vendorSymbology: number;
}

export type HidPosReportResult =
  { ok: true; report: HidPosReport } | { ok: false; reason: HidPosReportError };

const isAlnum = (b: number): boolean =>
  (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);
const isLetter = (b: number): boolean => (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);

/** Parses one input report; checks id, size, the length byte against capacity and the AIM bytes. */
export function parseHidPosReport(
  bytes: Uint8Array,
  layout: Readonly<HidPosLayout> = HID_POS_LAYOUT,
): HidPosReportResult {
  if (!(bytes instanceof Uint8Array) || bytes.length !== layout.reportSize)
    return { ok: false, reason: 'bad_size' };
  if (bytes[0] !== layout.reportId) return { ok: false, reason: 'wrong_report_id' };
  const length = bytes[layout.lengthOffset] ?? 0;
  if (length > layout.dataCapacity) return { ok: false, reason: 'bad_length' };
  const a0 = bytes[layout.aimOffset] ?? 0;
  const a1 = bytes[layout.aimOffset + 1] ?? 0;
  const a2 = bytes[layout.aimOffset + 2] ?? 0;
  let aim: string | undefined;
  if (a0 === 0x5d && isLetter(a1) && isAlnum(a2)) aim = String.fromCharCode(a0, a1, a2);
  else if (a0 !== 0 || a1 !== 0 || a2 !== 0) return { ok: false, reason: 'bad_aim' };
  const flags = bytes[layout.flagsOffset] ?? 0;
  const report: HidPosReport = {
    data: bytes.slice(layout.dataOffset, layout.dataOffset + length),
    more: (flags & layout.moreDataBit) !== 0,
    vendorSymbology: bytes[layout.vendorSymbologyOffset] ?? 0,
  };
  if (aim !== undefined) report.aim = aim;
  return { ok: true, report };
}
