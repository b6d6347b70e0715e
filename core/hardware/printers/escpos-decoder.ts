/**
 * ESC/POS bytes → what a printer would do with them: text lines with their modes, QR codes,
 * barcodes, cuts, drawer kicks, status requests. Used by tests (encode → decode round trips)
 * and by the simulated printer's screen.
 *
 * Streaming: `push` accepts any chunking; an incomplete command waits for more bytes. Hostile
 * input never throws: unknown commands are skipped and counted, absurd lengths are rejected,
 * invalid GB18030 text becomes U+FFFD and is counted. Only commands at command boundaries are
 * seen (a real printer also executes DLE EOT found inside other commands' data; ours does not).
 */
import iconv from 'iconv-lite';
import { physicalLine } from '../../../shared/domain/receipt/render-lines';
import { CR, DLE, ESC, FS, GS, LF } from './escpos-commands';

export type DecodedAlign = 'left' | 'center' | 'right';
export type DecodedSize = 'normal' | 'double-height' | 'double-width' | 'double';

export interface DecodedText {
  kind: 'text';
  text: string;
  align: DecodedAlign;
  bold: boolean;
  size: DecodedSize;
}
export interface DecodedQr {
  kind: 'qr';
  /** The stored symbol data as UTF-8 text. */
  data: string;
  moduleSize: number;
  errorCorrection: 'L' | 'M' | 'Q' | 'H';
}
export interface DecodedBarcode {
  kind: 'barcode';
  symbology: 'code128' | 'ean13' | 'other';
  data: string;
}
export interface DecodedCut {
  kind: 'cut';
  mode: 'full' | 'partial';
}
export interface DecodedDrawerKick {
  kind: 'drawer-kick';
  pin: 2 | 5;
  onMs: number;
  offMs: number;
}
/** DLE EOT n (real-time status request). */
export interface DecodedStatusRequest {
  kind: 'status-request';
  n: number;
}
/** GS a n (automatic status back items). */
export interface DecodedAsbSetting {
  kind: 'asb-setting';
  mask: number;
}
export interface DecodedInit {
  kind: 'init';
}
export type DecodedItem =
  | DecodedText
  | DecodedQr
  | DecodedBarcode
  | DecodedCut
  | DecodedDrawerKick
  | DecodedStatusRequest
  | DecodedAsbSetting
  | DecodedInit;

export interface DecoderStats {
  /** Commands or control bytes the decoder does not know (skipped). */
  unknownCommands: number;
  /** Well-formed commands that do not change what prints here (fonts, spacing, images), skipped. */
  ignoredCommands: number;
  /** Characters of text that were not valid in their encoding (shown as U+FFFD). */
  invalidCharacters: number;
  /** Bytes of an unfinished command left at the end. */
  truncatedBytes: number;
}

/** Longest command the decoder will wait for (bigger declared lengths are treated as garbage). */
const MAX_COMMAND_BYTES = 1 << 20;
const QR_EC_BY_BYTE: Record<number, DecodedQr['errorCorrection']> = { 48: 'L', 49: 'M', 50: 'Q', 51: 'H' };

type Step = number | 'more';

function sizeFrom(widthMul: number, heightMul: number): DecodedSize {
  if (widthMul > 1 && heightMul > 1) return 'double';
  if (widthMul > 1) return 'double-width';
  if (heightMul > 1) return 'double-height';
  return 'normal';
}

function decodeCode128(bytes: Uint8Array): string {
  let set: 'A' | 'B' | 'C' = 'B';
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i] ?? 0;
    if (c === 0x7b && i + 1 < bytes.length) {
      const next = String.fromCharCode(bytes[i + 1] ?? 0);
      i++;
      if (next === '{') out += '{';
      else if (next === 'A' || next === 'B' || next === 'C') set = next;
      continue; // shift and FNC1–4 carry no data characters
    }
    out += set === 'C' ? String(c).padStart(2, '0') : String.fromCharCode(c);
  }
  return out;
}

/** Incremental ESC/POS decoder; feed chunks with push(), finish with end(). */
export class EscPosStreamDecoder {
  readonly stats: DecoderStats = {
    unknownCommands: 0,
    ignoredCommands: 0,
    invalidCharacters: 0,
    truncatedBytes: 0,
  };
  private buf: Uint8Array = new Uint8Array(0);
  private align: DecodedAlign = 'left';
  private bold = false;
  private widthMul = 1;
  private heightMul = 1;
  private chinese = false;
  private segments: { chinese: boolean; bytes: number[] }[] = [];
  private lineStyle: Omit<DecodedText, 'kind' | 'text'> | undefined;
  private qrData: Uint8Array = new Uint8Array(0);
  private qrSize = 3;
  private qrEc: DecodedQr['errorCorrection'] = 'L';
  private out: DecodedItem[] = [];

  /** Decodes the next chunk; returns the items it completed. */
  push(chunk: Uint8Array): DecodedItem[] {
    const joined = new Uint8Array(this.buf.length + chunk.length);
    joined.set(this.buf, 0);
    joined.set(chunk, this.buf.length);
    let pos = 0;
    while (pos < joined.length) {
      const step = this.step(joined, pos);
      if (step === 'more') break;
      pos += step;
    }
    this.buf = joined.slice(pos);
    return this.take();
  }

  /** Finishes the stream: counts an unfinished command and returns text that never got its LF. */
  end(): { items: DecodedItem[]; pendingText: string } {
    this.stats.truncatedBytes += this.buf.length;
    this.buf = new Uint8Array(0);
    const pendingText = this.lineText();
    this.segments = [];
    this.lineStyle = undefined;
    return { items: this.take(), pendingText };
  }

  private take(): DecodedItem[] {
    const items = this.out;
    this.out = [];
    return items;
  }

  private style(): Omit<DecodedText, 'kind' | 'text'> {
    return { align: this.align, bold: this.bold, size: sizeFrom(this.widthMul, this.heightMul) };
  }

  private lineText(): string {
    let text = '';
    for (const seg of this.segments) {
      const bytes = Buffer.from(seg.bytes);
      const decoded = seg.chinese ? iconv.decode(bytes, 'gb18030') : iconv.decode(bytes, 'cp437');
      for (const ch of decoded) if (ch === '\ufffd') this.stats.invalidCharacters++;
      text += decoded;
    }
    return text;
  }

  private addText(byte: number): void {
    if (!this.lineStyle) this.lineStyle = this.style();
    const last = this.segments[this.segments.length - 1];
    if (last && last.chinese === this.chinese) last.bytes.push(byte);
    else this.segments.push({ chinese: this.chinese, bytes: [byte] });
  }

  private lineOpen(): boolean {
    return this.segments.length > 0;
  }

  /** Prints the line buffer (an empty buffer prints a blank line) and feeds. */
  private flushLine(): void {
    const style = this.lineStyle ?? this.style();
    this.out.push({ kind: 'text', text: this.lineText(), ...style });
    this.segments = [];
    this.lineStyle = undefined;
  }

  private unknown(n: number): number {
    this.stats.unknownCommands++;
    return n;
  }

  private ignored(n: number): number {
    this.stats.ignoredCommands++;
    return n;
  }

  /** Decodes one command or byte at `p`; returns bytes consumed, or 'more' when it is incomplete. */
  private step(b: Uint8Array, p: number): Step {
    const c = b[p] ?? 0;
    const avail = b.length - p;
    const at = (i: number): number => b[p + i] ?? 0;
    if (c === LF) {
      this.flushLine();
      return 1;
    }
    if (c === CR || c === 0x0c || c === 0x18) return this.ignored(1);
    if (c === 0x09) {
      this.addText(0x20);
      return 1;
    }
    if (c === DLE) return this.stepDle(avail, at);
    if (c === ESC) return this.stepEsc(avail, at);
    if (c === FS) return this.stepFs(avail, at);
    if (c === GS) return this.stepGs(b, p, avail, at);
    if (c < 0x20 || c === 0x7f) return this.unknown(1);
    this.addText(c);
    return 1;
  }

  private stepDle(avail: number, at: (i: number) => number): Step {
    if (avail < 2) return 'more';
    const fn = at(1);
    if (fn === 0x04 || fn === 0x05) {
      if (avail < 3) return 'more';
      if (fn === 0x04) this.out.push({ kind: 'status-request', n: at(2) });
      return fn === 0x04 ? 3 : this.ignored(3);
    }
    if (fn === 0x14) {
      if (avail < 3) return 'more';
      if (at(2) === 1) {
        if (avail < 5) return 'more';
        const t = Math.min(8, Math.max(1, at(4)));
        this.out.push({ kind: 'drawer-kick', pin: at(3) === 0 ? 2 : 5, onMs: t * 100, offMs: t * 100 });
        return 5;
      }
      return this.unknown(3);
    }
    return this.unknown(1);
  }

  private stepEsc(avail: number, at: (i: number) => number): Step {
    if (avail < 2) return 'more';
    const fn = at(1);
    const need = (n: number): boolean => avail >= n;
    switch (fn) {
      case 0x40: // ESC @
        this.align = 'left';
        this.bold = false;
        this.widthMul = 1;
        this.heightMul = 1;
        this.chinese = false;
        this.segments = [];
        this.lineStyle = undefined;
        this.out.push({ kind: 'init' });
        return 2;
      case 0x61: {
        // ESC a n — only at the start of a line
        if (!need(3)) return 'more';
        const n = at(2) >= 48 ? at(2) - 48 : at(2);
        if (!this.lineOpen() && n <= 2) this.align = n === 0 ? 'left' : n === 1 ? 'center' : 'right';
        return 3;
      }
      case 0x45: // ESC E n
        if (!need(3)) return 'more';
        this.bold = (at(2) & 1) === 1;
        return 3;
      case 0x21: {
        // ESC ! n — bit 3 emphasized, bit 4 double height, bit 5 double width
        if (!need(3)) return 'more';
        const n = at(2);
        this.bold = (n & 0x08) !== 0;
        this.heightMul = n & 0x10 ? 2 : 1;
        this.widthMul = n & 0x20 ? 2 : 1;
        return 3;
      }
      case 0x70: // ESC p m t1 t2
        if (!need(5)) return 'more';
        this.out.push({
          kind: 'drawer-kick',
          pin: (at(2) & 1) === 0 ? 2 : 5,
          onMs: at(3) * 2,
          offMs: at(4) * 2,
        });
        return 5;
      case 0x64: {
        // ESC d n — print and feed n lines
        if (!need(3)) return 'more';
        const n = at(2);
        const hadText = this.lineOpen();
        if (hadText || n > 0) this.flushLine();
        for (let i = 1; i < n; i++) this.flushLine();
        return 3;
      }
      case 0x4a: // ESC J n — print and feed n dots
        if (!need(3)) return 'more';
        if (this.lineOpen()) this.flushLine();
        return 3;
      case 0x69: // ESC i — full cut (legacy)
      case 0x6d: // ESC m — partial cut (legacy)
        this.out.push({ kind: 'cut', mode: fn === 0x69 ? 'full' : 'partial' });
        return 2;
      case 0x32: // ESC 2
      case 0x3c: // ESC <
        return this.ignored(2);
      case 0x20: // ESC SP n
      case 0x2d: // ESC - n
      case 0x33: // ESC 3 n
      case 0x47: // ESC G n
      case 0x4d: // ESC M n
      case 0x52: // ESC R n
      case 0x55: // ESC U n
      case 0x56: // ESC V n
      case 0x74: // ESC t n
      case 0x7b: // ESC { n
      case 0x3d: // ESC = n
      case 0x25: // ESC % n
      case 0x3f: // ESC ? n
      case 0x72: // ESC r n
      case 0x54: // ESC T n
        return need(3) ? this.ignored(3) : 'more';
      case 0x24: // ESC $ nL nH
      case 0x5c: // ESC \ nL nH
        return need(4) ? this.ignored(4) : 'more';
      case 0x63: // ESC c 3|4|5 n
        return need(4) ? this.ignored(4) : 'more';
      case 0x57: // ESC W xL xH yL yH dxL dxH dyL dyH
        return need(10) ? this.ignored(10) : 'more';
      case 0x44: {
        // ESC D n1 ... NUL (at most 32 tab positions)
        for (let i = 2; i < Math.min(avail, 35); i++) if (at(i) === 0) return this.ignored(i + 1);
        return avail >= 35 ? this.unknown(2) : 'more';
      }
      case 0x2a: {
        // ESC * m nL nH d1...dk — bit image
        if (!need(5)) return 'more';
        const dots = at(3) + at(4) * 256;
        const len = 5 + dots * (at(2) >= 32 ? 3 : 1);
        return need(len) ? this.ignored(len) : 'more';
      }
      default:
        return this.unknown(2);
    }
  }

  private stepFs(avail: number, at: (i: number) => number): Step {
    if (avail < 2) return 'more';
    switch (at(1)) {
      case 0x26: // FS &
        this.chinese = true;
        return 2;
      case 0x2e: // FS .
        this.chinese = false;
        return 2;
      case 0x21: // FS ! n
      case 0x2d: // FS - n
      case 0x43: // FS C n
      case 0x57: // FS W n
        return avail >= 3 ? this.ignored(3) : 'more';
      case 0x53: // FS S n1 n2
      case 0x70: // FS p n m
      case 0x3f: // FS ? c1 c2
        return avail >= 4 ? this.ignored(4) : 'more';
      default:
        return this.unknown(2);
    }
  }

  private stepGs(b: Uint8Array, p: number, avail: number, at: (i: number) => number): Step {
    if (avail < 2) return 'more';
    const fn = at(1);
    switch (fn) {
      case 0x21: {
        // GS ! n
        if (avail < 3) return 'more';
        this.widthMul = ((at(2) >> 4) & 7) + 1;
        this.heightMul = (at(2) & 7) + 1;
        return 3;
      }
      case 0x56: {
        // GS V m [n]
        if (avail < 3) return 'more';
        const m = at(2);
        if (m === 0 || m === 48 || m === 1 || m === 49) {
          this.out.push({ kind: 'cut', mode: m === 0 || m === 48 ? 'full' : 'partial' });
          return 3;
        }
        if ([65, 66, 97, 98, 103, 104].includes(m)) {
          if (avail < 4) return 'more';
          this.out.push({ kind: 'cut', mode: m === 65 || m === 97 || m === 103 ? 'full' : 'partial' });
          return 4;
        }
        return this.unknown(3);
      }
      case 0x61: // GS a n
        if (avail < 3) return 'more';
        this.out.push({ kind: 'asb-setting', mask: at(2) });
        return 3;
      case 0x28: {
        // GS ( x pL pH d1...dk
        if (avail < 5) return 'more';
        const len = at(3) + at(4) * 256;
        if (avail < 5 + len) return 'more';
        if (at(2) === 0x6b) return this.gsParenK(b.subarray(p + 5, p + 5 + len));
        return this.ignored(5 + len);
      }
      case 0x6b: {
        // GS k m ...
        if (avail < 3) return 'more';
        const m = at(2);
        if (m <= 6) {
          for (let i = 3; i < avail; i++) {
            if (at(i) === 0) {
              this.out.push({
                kind: 'barcode',
                symbology: 'other',
                data: this.ascii(b.subarray(p + 3, p + i)),
              });
              return i + 1;
            }
            if (i > 258) return this.unknown(3);
          }
          return 'more';
        }
        if (m >= 65 && m <= 79) {
          if (avail < 4) return 'more';
          const n = at(3);
          if (avail < 4 + n) return 'more';
          const data = b.subarray(p + 4, p + 4 + n);
          const symbology = m === 73 ? 'code128' : m === 67 ? 'ean13' : 'other';
          this.out.push({
            kind: 'barcode',
            symbology,
            data: m === 73 ? decodeCode128(data) : this.ascii(data),
          });
          return 4 + n;
        }
        return this.unknown(3);
      }
      case 0x76: {
        // GS v 0 m xL xH yL yH d1...dk — raster image
        if (avail < 8) return 'more';
        const len = 8 + (at(4) + at(5) * 256) * (at(6) + at(7) * 256);
        if (len > MAX_COMMAND_BYTES) return this.unknown(2);
        return avail >= len ? this.ignored(len) : 'more';
      }
      case 0x2a: {
        // GS * x y d1...d(x*y*8) — define downloaded bit image
        if (avail < 4) return 'more';
        const len = 4 + at(2) * at(3) * 8;
        return avail >= len ? this.ignored(len) : 'more';
      }
      case 0x68: // GS h n
      case 0x77: // GS w n
      case 0x48: // GS H n
      case 0x66: // GS f n
      case 0x42: // GS B n
      case 0x62: // GS b n
      case 0x72: // GS r n
      case 0x49: // GS I n
      case 0x2f: // GS / m
      case 0x3a: // GS :
        if (fn === 0x3a) return this.ignored(2);
        return avail >= 3 ? this.ignored(3) : 'more';
      case 0x4c: // GS L nL nH
      case 0x57: // GS W nL nH
      case 0x50: // GS P x y
      case 0x24: // GS $ nL nH
      case 0x5c: // GS \ nL nH
        return avail >= 4 ? this.ignored(4) : 'more';
      default:
        return this.unknown(2);
    }
  }

  private ascii(bytes: Uint8Array): string {
    return Array.from(bytes, (x) => String.fromCharCode(x)).join('');
  }

  /** GS ( k: QR functions of cn 49; other symbols are skipped. */
  private gsParenK(d: Uint8Array): number {
    const total = 5 + d.length;
    const cn = d[0];
    const fn = d[1];
    if (cn !== 0x31 || fn === undefined) return this.ignored(total);
    switch (fn) {
      case 0x41: // 165: model
        return total;
      case 0x43: // 167: module size
        this.qrSize = d[2] ?? this.qrSize;
        return total;
      case 0x45: // 169: error correction
        this.qrEc = QR_EC_BY_BYTE[d[2] ?? 0] ?? this.qrEc;
        return total;
      case 0x50: // 180: store data (m = 48 follows fn)
        this.qrData = d.slice(3);
        return total;
      case 0x51: // 181: print
        this.out.push({
          kind: 'qr',
          data: new TextDecoder('utf-8', { fatal: false }).decode(this.qrData),
          moduleSize: this.qrSize,
          errorCorrection: this.qrEc,
        });
        return total;
      default:
        return this.ignored(total);
    }
  }
}

export interface DecodedEscPos {
  items: DecodedItem[];
  stats: DecoderStats;
  /** Text received after the last LF (a printer would not have printed it yet). */
  pendingText: string;
}

/** Decodes a complete byte buffer (never throws). */
export function decodeEscPos(bytes: Uint8Array): DecodedEscPos {
  const decoder = new EscPosStreamDecoder();
  const items = decoder.push(bytes);
  const end = decoder.end();
  return { items: [...items, ...end.items], stats: { ...decoder.stats }, pendingText: end.pendingText };
}

/**
 * The paper as plain text, in the same form as renderPlainText (shared/domain/receipt/render-lines):
 * text lines aligned to `columns`, markers for QR codes, barcodes, cuts and drawer kicks.
 * Init, status requests and ASB settings print nothing and are left out.
 */
export function decodedToPlainText(items: readonly DecodedItem[], columns: number): string[] {
  const out: string[] = [];
  for (const item of items) {
    switch (item.kind) {
      case 'text':
        out.push(physicalLine(item, columns));
        break;
      case 'qr':
        out.push(`[QR ${item.data}]`);
        break;
      case 'barcode':
        out.push(`[BARCODE ${item.data}]`);
        break;
      case 'cut':
        out.push(`[CUT ${item.mode}]`);
        break;
      case 'drawer-kick':
        out.push(`[DRAWER pin ${item.pin}]`);
        break;
      default:
        break;
    }
  }
  return out;
}
