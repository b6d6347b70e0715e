/**
 * ESC/POS command bytes, as in the Epson ESC/POS command reference (TM series). Every builder
 * returns the exact bytes of one command; the encoder strings them together and the decoder and
 * the simulated printer recognise the same constants.
 */

export const LF = 0x0a;
export const CR = 0x0d;
export const DLE = 0x10;
export const EOT = 0x04;
export const DC4 = 0x14;
export const ESC = 0x1b;
export const FS = 0x1c;
export const GS = 0x1d;

export type EscPosAlign = 'left' | 'center' | 'right';
export type EscPosSize = 'normal' | 'double-height' | 'double-width' | 'double';

/** ESC @ — initialize printer (clears the buffer, resets modes). */
export function cmdInit(): number[] {
  return [ESC, 0x40];
}

/** ESC a n — justification: 0 left, 1 center, 2 right (effective at the start of a line). */
export function cmdAlign(align: EscPosAlign): number[] {
  return [ESC, 0x61, align === 'left' ? 0 : align === 'center' ? 1 : 2];
}

/** ESC E n — emphasized (bold) on/off. */
export function cmdBold(on: boolean): number[] {
  return [ESC, 0x45, on ? 1 : 0];
}

/** The GS ! n byte: width multiplier − 1 in bits 4–6, height multiplier − 1 in bits 0–2. */
export function sizeByte(size: EscPosSize): number {
  const w = size === 'double-width' || size === 'double' ? 1 : 0;
  const h = size === 'double-height' || size === 'double' ? 1 : 0;
  return (w << 4) | h;
}

/** GS ! n — character size (applies to ASCII and Chinese characters). */
export function cmdSize(size: EscPosSize): number[] {
  return [GS, 0x21, sizeByte(size)];
}

/** FS & — select Chinese (Kanji) character mode: bytes ≥ 0x81 start a GB18030 character. */
export function cmdChineseOn(): number[] {
  return [FS, 0x26];
}

/** FS . — cancel Chinese character mode. */
export function cmdChineseOff(): number[] {
  return [FS, 0x2e];
}

/** QR error correction levels of GS ( k fn 169: L 48, M 49, Q 50, H 51. */
export const QR_EC = { L: 48, M: 49, Q: 50, H: 51 } as const;

/**
 * The five GS ( k commands that print a QR code: fn 165 select model 2, fn 167 module size,
 * fn 169 error correction, fn 180 store data (pL pH count the data + 3 bytes cn fn m), fn 181 print.
 */
export function cmdQr(data: Uint8Array, moduleSize: number, ec: keyof typeof QR_EC = 'M'): number[] {
  const len = data.length + 3;
  if (data.length < 1 || len > 0xffff) throw new RangeError('QR data must be 1..65532 bytes');
  const size = Math.min(16, Math.max(1, Math.round(moduleSize)));
  return [
    ...[GS, 0x28, 0x6b, 4, 0, 0x31, 0x41, 50, 0], // fn 165: model 2
    ...[GS, 0x28, 0x6b, 3, 0, 0x31, 0x43, size], // fn 167: module size in dots
    ...[GS, 0x28, 0x6b, 3, 0, 0x31, 0x45, QR_EC[ec]], // fn 169: error correction level
    ...[GS, 0x28, 0x6b, len & 0xff, len >> 8, 0x31, 0x50, 0x30, ...data], // fn 180: store data
    ...[GS, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30], // fn 181: print the stored symbol
  ];
}

/** GS V m n — cut after feeding to the cutting position (m 65 full, 66 partial; n extra feed units). */
export function cmdCut(mode: 'full' | 'partial', feed = 0): number[] {
  return [GS, 0x56, mode === 'full' ? 65 : 66, feed & 0xff];
}

/** ESC p m t1 t2 — drawer kick pulse on pin 2 (m 0) or pin 5 (m 1): on 25×2 ms, off 250×2 ms. */
export function cmdDrawerKick(pin: 2 | 5 = 2): number[] {
  return [ESC, 0x70, pin === 2 ? 0 : 1, 25, 250];
}

/** DLE EOT n — real-time status request: 1 printer, 2 offline cause, 3 error cause, 4 roll paper sensor. */
export function cmdRealtimeStatus(n: 1 | 2 | 3 | 4): number[] {
  return [DLE, EOT, n];
}

/** GS a n — enable automatic status back for the items in mask n (1 drawer, 2 online, 4 error, 8 paper). */
export function cmdAutomaticStatusBack(mask: number): number[] {
  return [GS, 0x61, mask & 0xff];
}

/** Barcode setup + print: GS h height, GS w 2, GS H (HRI below or none), GS f 0, GS k m n data. */
export function cmdBarcode(
  symbology: 'code128' | 'ean13',
  data: string,
  height: number,
  hri: boolean,
): number[] {
  const setup = [GS, 0x68, height & 0xff, GS, 0x77, 2, GS, 0x48, hri ? 2 : 0, GS, 0x66, 0];
  if (symbology === 'ean13') {
    const digits = [...data].map((c) => c.charCodeAt(0));
    return [...setup, GS, 0x6b, 67, digits.length, ...digits];
  }
  // Code 128 via GS k 73: data starts with the code set ("{B"); a literal "{" is sent as "{{".
  const body = [...`{B${data.replace(/\{/g, '{{')}`].map((c) => c.charCodeAt(0));
  if (body.length > 255) throw new RangeError('Code 128 data too long');
  return [...setup, GS, 0x6b, 73, body.length, ...body];
}
