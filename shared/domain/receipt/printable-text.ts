/**
 * Makes text safe and predictable for a receipt printer before it is laid out.
 *
 * - Control characters (C0 except newline, DEL, C1) are removed: a customer name or note that
 *   contains ESC / GS / DLE bytes must never become a printer command (a drawer kick, a cut).
 * - Zero-width and bidi formatting characters and left-over combining marks are removed, tabs
 *   and no-break spaces become a space, text is NFC-composed (e + ◌́ → é).
 * - The half-width yen sign ¥ (U+00A5) becomes the fullwidth ￥ (U+FFE5): GB18030 has ¥ only as a
 *   4-byte sequence that GBK-only printers cannot print, while ￥ is the 2-byte A3 A4 every
 *   Chinese printer font has. Both take 2 columns on paper in Chinese mode.
 * - Characters outside the Basic Multilingual Plane other than CJK ideographs (emoji and the like)
 *   become `?`: receipt printer fonts have no glyphs for them. Lone surrogates also become `?`.
 */
import { isZeroWidthCodePoint } from './text-width';

/** Returns `text` cleaned for printing (see the module comment); `\n` is kept as a line break. */
export function printableText(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '\n') out += ch;
    else if (ch === '\t' || cp === 0xa0) out += ' ';
    else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) continue;
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '?';
    else if (isZeroWidthCodePoint(cp)) continue;
    else if (cp === 0xa5) out += '\uffe5';
    else if (cp > 0xffff && !(cp >= 0x20000 && cp <= 0x3fffd)) out += '?';
    else out += ch;
  }
  return out;
}

/** Like printableText but also turns line breaks into spaces (for one-line cells and labels). */
export function printableLine(text: string): string {
  return printableText(text).replace(/\n/g, ' ');
}
