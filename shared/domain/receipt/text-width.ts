/**
 * Column widths of text on a fixed-width grid, for receipts and terminal-like previews.
 *
 * Two width models:
 * - `display`: Unicode East Asian Width — Wide and Fullwidth characters (CJK ideographs, kana,
 *   hangul, fullwidth forms such as ￥ and ＡＢＣ, CJK punctuation) take 2 columns, everything
 *   else 1, combining marks and zero-width characters 0.
 * - `printer` (what receipts use): an ESC/POS printer in Chinese mode prints every multi-byte
 *   GB18030 character with its 24-dot Chinese font, i.e. 2 columns of the 12-dot ASCII font —
 *   that includes ° × Ω ± é, which `display` counts as 1. Printable ASCII takes 1 column.
 *
 * Wrapping and truncation never split a wide character. Pure; runs in the browser.
 */
import type { Align } from './layout';

export type WidthModel = 'printer' | 'display';

/** [start, end] code point ranges (inclusive) of East Asian Wide (W) and Fullwidth (F) characters. */
const WIDE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f],
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x23e9, 0x23ec],
  [0x23f0, 0x23f0],
  [0x23f3, 0x23f3],
  [0x25fd, 0x25fe],
  [0x2614, 0x2615],
  [0x2648, 0x2653],
  [0x267f, 0x267f],
  [0x2693, 0x2693],
  [0x26a1, 0x26a1],
  [0x26aa, 0x26ab],
  [0x26bd, 0x26be],
  [0x26c4, 0x26c5],
  [0x26ce, 0x26ce],
  [0x26d4, 0x26d4],
  [0x26ea, 0x26ea],
  [0x26f2, 0x26f3],
  [0x26f5, 0x26f5],
  [0x26fa, 0x26fa],
  [0x26fd, 0x26fd],
  [0x2705, 0x2705],
  [0x270a, 0x270b],
  [0x2728, 0x2728],
  [0x274c, 0x274c],
  [0x274e, 0x274e],
  [0x2753, 0x2755],
  [0x2757, 0x2757],
  [0x2795, 0x2797],
  [0x27b0, 0x27b0],
  [0x27bf, 0x27bf],
  [0x2b1b, 0x2b1c],
  [0x2b50, 0x2b50],
  [0x2b55, 0x2b55],
  [0x2e80, 0x2e99],
  [0x2e9b, 0x2ef3],
  [0x2f00, 0x2fd5],
  [0x2ff0, 0x2fff],
  [0x3000, 0x303e],
  [0x3041, 0x3096],
  [0x3099, 0x30ff],
  [0x3105, 0x312f],
  [0x3131, 0x318e],
  [0x3190, 0x31e5],
  [0x31ef, 0x321e],
  [0x3220, 0x3247],
  [0x3250, 0xa48c],
  [0xa490, 0xa4c6],
  [0xa960, 0xa97c],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe52],
  [0xfe54, 0xfe66],
  [0xfe68, 0xfe6b],
  [0xff01, 0xff60],
  [0xffe0, 0xffe6],
  [0x16fe0, 0x16fe4],
  [0x17000, 0x18cd5],
  [0x1b000, 0x1b2fb],
  [0x1f004, 0x1f004],
  [0x1f0cf, 0x1f0cf],
  [0x1f18e, 0x1f18e],
  [0x1f191, 0x1f19a],
  [0x1f200, 0x1f202],
  [0x1f210, 0x1f23b],
  [0x1f240, 0x1f248],
  [0x1f250, 0x1f251],
  [0x1f260, 0x1f265],
  [0x1f300, 0x1f320],
  [0x1f32d, 0x1f335],
  [0x1f337, 0x1f37c],
  [0x1f37e, 0x1f393],
  [0x1f3a0, 0x1f3ca],
  [0x1f3cf, 0x1f3d3],
  [0x1f3e0, 0x1f3f0],
  [0x1f3f4, 0x1f3f4],
  [0x1f3f8, 0x1f43e],
  [0x1f440, 0x1f440],
  [0x1f442, 0x1f4fc],
  [0x1f4ff, 0x1f53d],
  [0x1f54b, 0x1f54e],
  [0x1f550, 0x1f567],
  [0x1f57a, 0x1f57a],
  [0x1f595, 0x1f596],
  [0x1f5a4, 0x1f5a4],
  [0x1f5fb, 0x1f64f],
  [0x1f680, 0x1f6c5],
  [0x1f6cc, 0x1f6cc],
  [0x1f6d0, 0x1f6d2],
  [0x1f6d5, 0x1f6d7],
  [0x1f6dc, 0x1f6df],
  [0x1f6eb, 0x1f6ec],
  [0x1f6f4, 0x1f6fc],
  [0x1f7e0, 0x1f7eb],
  [0x1f7f0, 0x1f7f0],
  [0x1f90c, 0x1f93a],
  [0x1f93c, 0x1f945],
  [0x1f947, 0x1f9ff],
  [0x1fa70, 0x1faff],
  [0x20000, 0x2fffd],
  [0x30000, 0x3fffd],
];

/** Code points that take no column: combining marks, zero-width and bidi formatting characters. */
const ZERO_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0300, 0x036f],
  [0x0483, 0x0489],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x200b, 0x200f],
  [0x2028, 0x202e],
  [0x2060, 0x2064],
  [0x20d0, 0x20ff],
  [0xfe00, 0xfe0f],
  [0xfe20, 0xfe2f],
  [0xfeff, 0xfeff],
  [0xe0000, 0xe0fff],
];

function inRanges(cp: number, ranges: ReadonlyArray<readonly [number, number]>): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid];
    if (!r) return false;
    if (cp < r[0]) hi = mid - 1;
    else if (cp > r[1]) lo = mid + 1;
    else return true;
  }
  return false;
}

/** True for East Asian Wide or Fullwidth code points (CJK ideographs, ￥, fullwidth forms). */
export function isWideCodePoint(cp: number): boolean {
  return inRanges(cp, WIDE_RANGES);
}

/** True for code points that occupy no column (combining marks, zero-width, bidi controls). */
export function isZeroWidthCodePoint(cp: number): boolean {
  return inRanges(cp, ZERO_RANGES);
}

/** Columns one code point takes in the given model (controls and zero-width characters take 0). */
export function charWidth(cp: number, model: WidthModel = 'printer'): 0 | 1 | 2 {
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if (cp < 0x7f) return 1;
  if (isZeroWidthCodePoint(cp)) return 0;
  if (model === 'printer') return 2;
  return isWideCodePoint(cp) ? 2 : 1;
}

/** Columns a string takes in the given model. */
export function textWidth(text: string, model: WidthModel = 'printer'): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch.codePointAt(0) ?? 0, model);
  return w;
}

/** The longest prefix of `text` that fits `width` columns, plus `ellipsis` when it was cut. */
export function truncateToWidth(
  text: string,
  width: number,
  model: WidthModel = 'printer',
  ellipsis = '',
): string {
  if (textWidth(text, model) <= width) return text;
  const room = width - textWidth(ellipsis, model);
  if (room < 0) return '';
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = charWidth(ch.codePointAt(0) ?? 0, model);
    if (used + w > room) break;
    out += ch;
    used += w;
  }
  return out + ellipsis;
}

/** Pads `text` with spaces to exactly `width` columns (truncating first if it is wider). */
export function padToWidth(
  text: string,
  width: number,
  align: Align = 'left',
  model: WidthModel = 'printer',
): string {
  const fitted = truncateToWidth(text, width, model);
  const free = width - textWidth(fitted, model);
  if (align === 'right') return ' '.repeat(free) + fitted;
  if (align === 'center') {
    const left = Math.floor(free / 2);
    return ' '.repeat(left) + fitted + ' '.repeat(free - left);
  }
  return fitted + ' '.repeat(free);
}

/** Characters that should not start a line (closing CJK punctuation); they pull the previous character down. */
const NO_LINE_START = new Set([...'，。、；：！？）》」』】〕〉”’…・,.;:!?)]}%']);

type Token = { text: string; width: number; space: boolean; breakable: boolean };

function tokenize(paragraph: string, model: WidthModel): Token[] {
  const tokens: Token[] = [];
  let word = '';
  const flushWord = (): void => {
    if (word) tokens.push({ text: word, width: textWidth(word, model), space: false, breakable: true });
    word = '';
  };
  for (const ch of paragraph) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === ' ') {
      flushWord();
      tokens.push({ text: ' ', width: 1, space: true, breakable: false });
    } else if (cp < 0x7f) {
      word += ch;
    } else {
      // Each non-ASCII character (ideograph, kana, symbol) is its own token: lines may break between any two.
      flushWord();
      tokens.push({ text: ch, width: charWidth(cp, model), space: false, breakable: false });
    }
  }
  flushWord();
  return tokens;
}

/**
 * Wraps text into lines of at most `width` columns: breaks at spaces and between CJK characters,
 * splits ASCII words longer than a line, never splits a wide character, keeps closing punctuation
 * off the start of a line where it can. `\n` starts a new line. A character wider than the whole
 * line is replaced by `?`.
 */
export function wrapToWidth(text: string, width: number, model: WidthModel = 'printer'): string[] {
  const limit = Math.max(1, Math.floor(width));
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    const lines: Token[][] = [[]];
    let used = 0;
    const current = (): Token[] => lines[lines.length - 1] ?? [];
    const newLine = (): void => {
      const line = current();
      while (line.length > 0 && line[line.length - 1]?.space) line.pop();
      lines.push([]);
      used = 0;
    };
    for (const original of tokenize(paragraph, model)) {
      let token: Token = original;
      if (token.width > limit && !token.breakable) token = { ...token, text: '?', width: 1 };
      if (token.space) {
        if (current().length === 0 && lines.length > 1) continue; // no leading spaces on wrapped lines
        if (used + 1 > limit) {
          newLine();
          continue;
        }
        current().push(token);
        used += 1;
        continue;
      }
      if (used + token.width <= limit) {
        current().push(token);
        used += token.width;
        continue;
      }
      if (token.breakable && token.width > limit) {
        // A word longer than a whole line: fill the current line, then continue on the next ones.
        let rest = token.text;
        while (rest) {
          if (used >= limit) newLine();
          const piece = truncateToWidth(rest, limit - used, model) || [...rest][0] || '';
          current().push({ text: piece, width: textWidth(piece, model), space: false, breakable: true });
          used += textWidth(piece, model);
          rest = rest.slice(piece.length);
        }
        continue;
      }
      // Keep closing punctuation off the start of a line: carry the previous character along.
      const line = current();
      const prev = line[line.length - 1];
      const carry =
        NO_LINE_START.has(token.text) &&
        prev &&
        !prev.space &&
        line.length > 1 &&
        prev.width + token.width <= limit
          ? line.pop()
          : undefined;
      if (carry) used -= carry.width;
      newLine();
      if (carry) {
        current().push(carry);
        used += carry.width;
      }
      current().push(token);
      used += token.width;
    }
    for (const line of lines) {
      while (line.length > 0 && line[line.length - 1]?.space) line.pop();
      out.push(line.map((t) => t.text).join(''));
    }
  }
  return out;
}
