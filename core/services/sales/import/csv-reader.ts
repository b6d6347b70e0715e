/**
 * RFC 4180 CSV reader: comma-separated fields, records ended by CRLF (LF or a lone CR too),
 * fields optionally in double quotes with "" for a quote, commas and line breaks inside
 * quotes kept. A UTF-8 BOM at the start is dropped. Completely empty lines are skipped.
 *
 * Hostile input never throws: a record with a stray quote is returned with an error and the
 * reader goes on. A quoted value may span at most MAX_QUOTED_LINES line breaks and
 * MAX_QUOTED_CHARS characters; past that (or at the end of the text) the quote counts as
 * unterminated, the record is reported, and reading resumes on the line after the opening
 * quote. So a stray quote cannot silently merge the hundreds of records up to the next quote
 * into one value, and each one costs a bounded look-ahead.
 */

export type CsvRecordError = 'badQuoting' | 'unterminatedQuote';

export interface CsvRecord {
  /** Physical line (1-based) on which the record starts. */
  line: number;
  fields: string[];
  /** Set when the record broke RFC 4180; `fields` then holds what could be read. */
  error?: CsvRecordError;
}

export const MAX_QUOTED_LINES = 16;
export const MAX_QUOTED_CHARS = 4096;

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;

/** Index just past the line break that ends the line containing `pos` (or text.length). */
function nextLineStart(text: string, pos: number): number {
  for (let i = pos; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) return i + 1;
    if (c === CR) return text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
  }
  return text.length;
}

/** Yields every record of `text` with the physical line it starts on. */
export function* readCsv(text: string): Generator<CsvRecord> {
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const n = text.length;
  // Cached positions of the next quote / LF / CR (n when none), for the fast path.
  let nextQuote = -1;
  let nextLf = -1;
  let nextCr = -1;
  const after = (cached: number, ch: string, from: number): number => {
    if (cached >= from) return cached;
    const i = text.indexOf(ch, from);
    return i < 0 ? n : i;
  };

  while (pos < n) {
    const recordLine = line;
    // Fast path: a line without quotes is split on commas as it is.
    nextQuote = after(nextQuote, '"', pos);
    nextLf = after(nextLf, '\n', pos);
    nextCr = after(nextCr, '\r', pos);
    const eol = Math.min(nextLf, nextCr);
    if (eol > pos && nextQuote > eol) {
      const fields = text.slice(pos, eol).split(',');
      pos = eol < n && text.charCodeAt(eol) === CR && text.charCodeAt(eol + 1) === LF ? eol + 2 : eol + 1;
      line++;
      yield { line: recordLine, fields };
      continue;
    }
    const fields: string[] = [];
    let error: CsvRecordError | undefined;
    let field = '';
    let resumeAt = -1;
    let resumeLine = 0;
    let ended = false;

    // Completely empty line: skip without a record.
    const first = text.charCodeAt(pos);
    if (first === LF || first === CR) {
      pos = first === CR && text.charCodeAt(pos + 1) === LF ? pos + 2 : pos + 1;
      line++;
      continue;
    }

    while (!ended) {
      if (pos >= n) {
        fields.push(field);
        break;
      }
      let c = text.charCodeAt(pos);
      if (c === QUOTE && field.length === 0) {
        // Quoted field.
        const quotePos = pos;
        const quoteLine = line;
        let breaks = 0;
        let value = '';
        let chunkStart = pos + 1;
        let i = pos + 1;
        let closed = false;
        while (i < n) {
          c = text.charCodeAt(i);
          if (c === QUOTE) {
            if (text.charCodeAt(i + 1) === QUOTE) {
              value += text.slice(chunkStart, i + 1);
              i += 2;
              chunkStart = i;
              continue;
            }
            value += text.slice(chunkStart, i);
            i++;
            closed = true;
            break;
          }
          if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) {
            breaks++;
            if (breaks > MAX_QUOTED_LINES) break;
          }
          if (i - quotePos > MAX_QUOTED_CHARS) break;
          i++;
        }
        if (!closed) {
          error = 'unterminatedQuote';
          resumeAt = nextLineStart(text, quotePos);
          resumeLine = quoteLine + 1;
          fields.push(text.slice(quotePos + 1, Math.min(n, quotePos + 1 + 200)));
          break;
        }
        line += breaks;
        pos = i;
        field = value;
        // After the closing quote: a comma, a line break or the end; anything else is bad quoting.
        let junk = false;
        while (pos < n) {
          c = text.charCodeAt(pos);
          if (c === COMMA || c === LF || c === CR) break;
          junk = true;
          field += text[pos];
          pos++;
        }
        if (junk) error = 'badQuoting';
        continue;
      }
      if (c === COMMA) {
        fields.push(field);
        field = '';
        pos++;
        continue;
      }
      if (c === LF || c === CR) {
        fields.push(field);
        pos = c === CR && text.charCodeAt(pos + 1) === LF ? pos + 2 : pos + 1;
        line++;
        ended = true;
        continue;
      }
      // Unquoted run up to the next delimiter.
      let j = pos;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === COMMA || d === LF || d === CR) break;
        if (d === QUOTE) error = 'badQuoting';
        j++;
      }
      field += text.slice(pos, j);
      pos = j;
    }

    if (resumeAt >= 0) {
      yield { line: recordLine, fields, error: 'unterminatedQuote' };
      pos = resumeAt;
      line = resumeLine;
      continue;
    }
    yield error ? { line: recordLine, fields, error } : { line: recordLine, fields };
  }
}
