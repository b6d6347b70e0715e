/**
 * Fuzzing of the byte protocols and the sales import that the colleagues' own suites do not cover
 * yet (HID-POS, ESC/POS status/ASB, the ESC/POS decoder, ES51922/UT61E, the serial scanner framer,
 * the CSV reader and CSV import rows already have fixed-seed fast-check tests next to their code):
 * - SCPI answer lines: bytes in random chunks with CR/LF variants, garbage lines and over-long lines
 *   through the line splitter and the NRf parser, against an oracle built from what was sent;
 * - the JSON sales import: random sales, some broken in one known way, against the money a person
 *   computes (every good sale stored with exactly its fen, every broken one refused with a row error
 *   and nothing stored), and random text that must be refused or reported, never thrown;
 * - SCPI *IDN? answers, CONF? answers and program messages (parseIdn, parseConfAnswer,
 *   parseScpiCommand): hostile lines never throw, and what formatIdn / a CONF? answer in any
 *   spelling / a built program message says comes back exactly;
 * - the CSV sales import: the same random sales as a CSV export (names with commas and quotes),
 *   against the same exact-value oracle as JSON (money and every stored line);
 * - a HID-POS flood: 10,000 scans' reports through the assembler in one go, none lost, and the next
 *   scan after it still comes out (no clock is read: nothing here times anything).
 * Runs per property: COUNTERDESK_SOAK multiplies them.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLineSplitter } from '../../core/hardware/meters/line-splitter';
import {
  SCPI_FUNCTION,
  formatIdn,
  formatNr3,
  parseConfAnswer,
  parseIdn,
  parseNr3,
  parseScpiCommand,
} from '../../core/hardware/meters/scpi-protocol';
import type { MeterFunction } from '../../shared/domain/meter/reading';
import { createHidPosAssembler } from '../../core/hardware/scanners/hid-pos-assembler';
import { hidPosReportsFor } from '../../core/hardware/scanners/simulated-hid-scanner';
import { importSales } from '../../core/services/sales/import/import-sales';
import { isAppError } from '../../shared/contract/errors';
import { makeCore, type CoreFixture } from '../helpers/core-fixture';
import { posCsvFromJson } from '../helpers/pos-csv';
import { soakCount } from './helpers/soak';

const runs = (n: number) => soakCount('COUNTERDESK_SOAK_FUZZ_RUNS', n);
/** Inputs tried per property, summed for the report line at the end. */
const tried: Record<string, number> = {};
const count = (what: string) => {
  tried[what] = (tried[what] ?? 0) + 1;
};
afterAll(() => console.info(`parser fuzz inputs tried: ${JSON.stringify(tried)}`));

describe('SCPI answer lines (line splitter + NRf parser)', () => {
  /** One line a meter may send, with what the parser must make of it. */
  type Sent =
    | { kind: 'value'; text: string; value: number }
    | { kind: 'overload'; text: string; negative: boolean }
    | { kind: 'garbage'; text: string }
    | { kind: 'long'; text: string };

  const mantissa = fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 99_999_999 }));
  const value: fc.Arbitrary<Sent> = fc
    .tuple(fc.constantFrom('+', '-', ''), mantissa, fc.integer({ min: -30, max: 30 }), fc.boolean())
    .map(([sign, [int, frac], exp, lower]) => {
      const text = `${sign}${int}.${String(frac).padStart(8, '0')}${lower ? 'e' : 'E'}${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
      // The oracle: the decimal the meter meant, computed from its parts.
      const v = (sign === '-' ? -1 : 1) * (int + frac / 1e8) * 10 ** exp;
      return { kind: 'value' as const, text, value: v };
    });
  const overload: fc.Arbitrary<Sent> = fc
    .constantFrom('+9.90000000E+37', '-9.90000000E+37', '9.9E37')
    .map((text) => ({ kind: 'overload' as const, text, negative: text.startsWith('-') }));
  // Garbage always holds a letter that no NRf number can contain, and no LF.
  const garbage: fc.Arbitrary<Sent> = fc
    .tuple(fc.uint8Array({ maxLength: 40 }), fc.constantFrom('G', 'X', 'Z', '?', '#'))
    .map(([bytes, letter]) => ({
      kind: 'garbage' as const,
      text: `${Buffer.from(bytes.filter((b) => b !== 0x0a && b !== 0x0d)).toString('latin1')}${letter}`,
    }));
  const long: fc.Arbitrary<Sent> = fc
    .integer({ min: 4097, max: 6000 })
    .map((n) => ({ kind: 'long' as const, text: '1'.repeat(n) }));

  it('every sent number comes out exactly (within float rounding), garbage never becomes a reading', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof({ weight: 5, arbitrary: value }, overload, garbage, long), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 20 }),
        fc.constantFrom('\n', '\r\n'),
        (lines, cuts, eol) => {
          count('scpi streams');
          const bytes = Buffer.from(lines.map((l) => `${l.text}${eol}`).join(''), 'latin1');
          const splitter = createLineSplitter();
          const got: string[] = [];
          let at = 0;
          for (let i = 0; at < bytes.length; i++) {
            const n = cuts[i % cuts.length] ?? 1;
            got.push(...splitter.push(bytes.subarray(at, at + n)));
            at += n;
          }
          const expected = lines.filter((l) => l.kind !== 'long');
          expect(got).toEqual(expected.map((l) => l.text));
          expect(splitter.overflows).toBe(lines.length - expected.length);
          expected.forEach((l, i) => {
            const r = parseNr3(got[i] ?? '');
            if (l.kind === 'value') {
              expect(r.ok && r.kind === 'value').toBe(true);
              if (r.ok && r.kind === 'value')
                expect(Math.abs(r.value - l.value)).toBeLessThanOrEqual(Math.abs(l.value) * 1e-12);
            } else if (l.kind === 'overload') {
              expect(r).toEqual({ ok: true, kind: 'overload', negative: l.negative });
            } else {
              expect(r.ok).toBe(false);
            }
          });
        },
      ),
      { seed: 0x5c91, numRuns: runs(400) },
    );
  });

  it('random bytes in random chunks never throw and never make a line longer than the limit', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 40 }), (chunks) => {
        count('scpi random bytes');
        const splitter = createLineSplitter(256);
        for (const c of chunks) {
          for (const line of splitter.push(c)) {
            expect(line.length).toBeLessThanOrEqual(256);
            expect(() => parseNr3(line)).not.toThrow();
          }
        }
        expect(splitter.pendingBytes).toBeLessThanOrEqual(257);
      }),
      { seed: 0x5c92, numRuns: runs(400) },
    );
  });
});

describe('SCPI *IDN?, CONF? answers and program messages', () => {
  /** Printable ASCII without the field separator, not starting or ending with a space. */
  const field = (min: number) =>
    fc
      .string({
        unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
        minLength: min,
        maxLength: 24,
      })
      .map((t) => t.replace(/,/g, ';').trim())
      .filter((t) => t.length >= min);
  const hostile = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('latin1')),
    fc
      .array(fc.constantFrom(',', '"', ':', '?', '*', ' ', 'VOLT', 'DC', 'CONF', '\r', '\n', '9.9E37'), {
        maxLength: 30,
      })
      .map((a) => a.join('')),
  );

  it('parseIdn: any line never throws; an identity comes back exactly from its own *IDN? answer', () => {
    fc.assert(
      fc.property(hostile, (line) => {
        count('scpi idn hostile');
        const r = parseIdn(line);
        // The oracle: exactly four comma-separated fields with a maker and a model.
        const parts = line
          .trim()
          .split(',')
          .map((p) => p.trim());
        expect(r !== null).toBe(parts.length === 4 && parts[0] !== '' && parts[1] !== '');
      }),
      { seed: 0x5c93, numRuns: runs(600) },
    );
    fc.assert(
      fc.property(
        fc.record({ manufacturer: field(1), model: field(1), serial: field(0), firmware: field(0) }),
        fc.constantFrom('', ' ', '\r', '\r\n'),
        (id, eol) => {
          count('scpi idn round trips');
          expect(parseIdn(`${formatIdn(id)}${eol}`)).toEqual(id);
        },
      ),
      { seed: 0x5c94, numRuns: runs(400) },
    );
  });

  /** A mnemonic in short or long form, each letter in either case (SCPI headers ignore case). */
  const anyCase = (text: string) =>
    fc
      .array(fc.boolean(), { minLength: text.length, maxLength: text.length })
      .map((flags) => [...text].map((c, i) => (flags[i] ? c.toLowerCase() : c.toUpperCase())).join(''));
  const LONG: Record<string, string> = {
    VOLT: 'VOLTage',
    CURR: 'CURRent',
    RES: 'RESistance',
    CONT: 'CONTinuity',
    DIOD: 'DIODe',
    CAP: 'CAPacitance',
    FREQ: 'FREQuency',
    TEMP: 'TEMPerature',
    DC: 'DC',
    AC: 'AC',
  };
  const functions = (Object.entries(SCPI_FUNCTION) as [MeterFunction, string | null][]).filter(
    (e): e is [MeterFunction, string] => e[1] !== null,
  );

  it('parseConfAnswer: any line never throws; every function in any spelling comes back with its range', () => {
    fc.assert(
      fc.property(hostile, (line) => {
        count('scpi conf hostile');
        const r = parseConfAnswer(line);
        if (r !== null) expect(functions.map(([fn]) => fn)).toContain(r.function);
      }),
      { seed: 0x5c95, numRuns: runs(600) },
    );
    const spelled = fc
      .constantFrom(...functions)
      .chain(([fn, mnemonic]) =>
        fc
          .tuple(
            ...mnemonic
              .split(':')
              .map((tok) => fc.constantFrom(tok, LONG[tok] ?? tok).chain((form) => anyCase(form))),
          )
          .map((tokens) => ({ fn, header: tokens.join(':') })),
      );
    const range = fc.oneof(
      fc.double({ min: 1e-9, max: 1e9, noNaN: true }).map((v) => formatNr3(v, 6)),
      fc.constantFrom('AUTO', 'MIN', 'MAX', 'DEF'),
    );
    fc.assert(
      fc.property(spelled, fc.option(range, { nil: undefined }), fc.boolean(), (h, r, quoted) => {
        count('scpi conf round trips');
        const body = r === undefined ? h.header : `${h.header} ${r},+3.000000E-06`;
        const answer = quoted ? `"${body}"\r` : body;
        expect(parseConfAnswer(answer)).toEqual(
          r === undefined ? { function: h.fn } : { function: h.fn, range: r },
        );
      }),
      { seed: 0x5c96, numRuns: runs(600) },
    );
  });

  it('parseScpiCommand: any line never throws; a program message comes apart into exactly what built it', () => {
    fc.assert(
      fc.property(hostile, (line) => {
        count('scpi command hostile');
        const r = parseScpiCommand(line);
        if (r !== null) {
          expect(r.tokens.length).toBeGreaterThan(0);
          for (const t of r.tokens) expect(t).toMatch(/^\*?[A-Za-z][A-Za-z0-9]*$/);
        }
      }),
      { seed: 0x5c97, numRuns: runs(600) },
    );
    const token = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,11}$/);
    // Parameter text: no line break (one message per line), no space at either end.
    const args = fc.string({ maxLength: 40 }).map((t) => t.replace(/[\r\n\u2028\u2029]/g, ' ').trim());
    fc.assert(
      fc.property(
        fc.array(token, { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        args,
        fc.constantFrom(' ', '  ', '\t'),
        (tokens, common, colon, query, a, gap) => {
          count('scpi command round trips');
          const header = `${colon ? ':' : ''}${common ? '*' : ''}${tokens.join(':')}${query ? '?' : ''}`;
          const line = a === '' ? header : `${header}${gap}${a}`;
          const want = [...tokens];
          if (common) want[0] = `*${want[0] ?? ''}`;
          expect(parseScpiCommand(line)).toEqual({ tokens: want, query, args: a });
        },
      ),
      { seed: 0x5c98, numRuns: runs(600) },
    );
  });
});

describe('POS sales import (JSON and CSV)', () => {
  let f: CoreFixture;
  beforeAll(() => {
    f = makeCore({ now: Date.UTC(2026, 10, 23, 6, 0, 0) });
  });
  afterAll(() => f.close());
  const NOW = Date.UTC(2026, 10, 23, 6, 0, 0);

  const fen = (n: number) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`;
  type Breakage =
    'none' | 'totalOffByOne' | 'zeroQty' | 'threeDecimals' | 'discountTooLarge' | 'paymentsShort';
  const line = fc.record({
    sku: fc.stringMatching(/^[A-Z]{2}-[A-Z0-9]{1,10}$/),
    qty: fc.integer({ min: 1, max: 5 }),
    unit: fc.integer({ min: 1, max: 2_000_000 }),
    discountPct: fc.integer({ min: 0, max: 30 }),
  });
  const sale = fc.record({
    lines: fc.array(line, { minLength: 1, maxLength: 5 }),
    orderPct: fc.integer({ min: 0, max: 20 }),
    split: fc.boolean(),
    breakage: fc.constantFrom<Breakage>(
      'none',
      'none',
      'none',
      'totalOffByOne',
      'zeroQty',
      'threeDecimals',
      'discountTooLarge',
      'paymentsShort',
    ),
  });

  const nameSuffix = fc.constantFrom('', ', 黑色', ' "Pro"', ',"大号", 2 件', " 5'' 屏");
  const saleWithNames = fc.record({
    sale,
    names: fc.array(nameSuffix, { minLength: 5, maxLength: 5 }),
  });
  type FuzzSale = typeof sale extends fc.Arbitrary<infer T> ? T : never;
  interface ExpectedLine {
    lineNo: number;
    name: string;
    qty: number;
    unit: number;
    discount: number;
  }

  /** POS rows for `sales` (JSON shape) and, for every good sale, what a person computes it stores. */
  function buildRows(sales: FuzzSale[], names: string[][], batchNo: number, prefix: string) {
    const expected = new Map<string, { subtotal: number; total: number; lines: ExpectedLine[] }>();
    const rows = sales.map((s, i) => {
      count(`${prefix} import sales`);
      const id = `${prefix}-${batchNo}-${i}`;
      const lines = s.lines.map((l, k) => {
        const gross = l.qty * l.unit;
        const discount = Math.floor((gross * l.discountPct) / 100);
        return { ...l, lineNo: k + 1, gross, discount, name: `商品 ${l.sku}${names[i]?.[k] ?? ''}` };
      });
      const subtotal = lines.reduce((a, l) => a + l.gross - l.discount, 0);
      const orderDiscount = Math.floor((subtotal * s.orderPct) / 100);
      const total = subtotal - orderDiscount;
      if (s.breakage === 'none')
        expected.set(id, {
          subtotal,
          total,
          lines: lines.map((l) => ({
            lineNo: l.lineNo,
            name: l.name,
            qty: l.qty,
            unit: l.unit,
            discount: l.discount,
          })),
        });
      const first = Math.floor(total / 2);
      const payments = s.split && total > 1 ? [first, total - first] : [total];
      return {
        saleId: id,
        receiptNo: `${prefix.toUpperCase()}-${batchNo}-${i}`,
        soldAt: new Date(NOW - 3_600_000).toISOString(),
        customer: null,
        taxIncluded: true,
        orderDiscount: fen(orderDiscount),
        total: fen(s.breakage === 'totalOffByOne' ? total + 1 : total),
        lines: lines.map((l, k) => ({
          lineNo: l.lineNo,
          sku: l.sku,
          name: l.name,
          category: 'accessories',
          qty: s.breakage === 'zeroQty' && k === 0 ? 0 : l.qty,
          unitPrice: s.breakage === 'threeDecimals' && k === 0 ? `${fen(l.unit)}5` : fen(l.unit),
          lineDiscount: fen(s.breakage === 'discountTooLarge' && k === 0 ? l.gross + 1 : l.discount),
          taxRate: '13',
        })),
        payments: payments.map((amount, k) => ({
          tender: k === 0 ? 'wechat' : 'cash',
          amount: fen(s.breakage === 'paymentsShort' && k === 0 ? amount - 1 : amount),
        })),
      };
    });
    return { rows, expected };
  }

  /** Every good sale stored with exactly the expected money and lines; every broken one absent and reported. */
  function expectStoredExactly(
    sales: FuzzSale[],
    built: ReturnType<typeof buildRows>,
    r: ReturnType<typeof importSales>,
  ): void {
    const db = f.core.ctx.db.sqlite;
    expect(r.salesImported).toBe(built.expected.size);
    expect(r.salesFailed).toBe(sales.length - built.expected.size);
    for (const [i, s] of sales.entries()) {
      const id = built.rows[i]?.saleId ?? '';
      const stored = db
        .prepare('SELECT subtotal_minor AS subtotal, total_minor AS total FROM sales WHERE id = ?')
        .get(id) as { subtotal: number; total: number } | undefined;
      if (s.breakage === 'none') {
        const lines = db
          .prepare(
            'SELECT line_no AS lineNo, name, qty, unit_price_minor AS unit, line_discount_minor AS discount FROM sale_lines WHERE sale_id = ? ORDER BY line_no',
          )
          .all(id);
        const want = built.expected.get(id);
        expect({ ...stored, lines }).toEqual(want);
      } else {
        expect(stored).toBeUndefined();
        expect(r.errors.some((e) => e.saleId === id)).toBe(true);
      }
    }
  }

  let batch = 0;
  /** One fast-check property: generated sales imported as `format`, stored exactly or refused whole. */
  const importsExactly = (format: 'json' | 'csv', prefix: string, seed: number) => {
    const db = f.core.ctx.db;
    fc.assert(
      fc.property(fc.array(saleWithNames, { minLength: 1, maxLength: 12 }), (items) => {
        count(`${format} import files`);
        batch++;
        const sales = items.map((x) => x.sale);
        const built = buildRows(
          sales,
          items.map((x) => x.names),
          batch,
          prefix,
        );
        const content = format === 'json' ? JSON.stringify(built.rows) : posCsvFromJson(built.rows);
        const r = importSales(
          { db, storeId: f.core.ctx.storeId },
          { format, content, fileName: `${prefix}-${batch}.${format}` },
          null,
          NOW,
        );
        expectStoredExactly(sales, built, r);
      }),
      { seed, numRuns: runs(120) },
    );
  };

  it('good sales are stored with exactly the fen a person computes; broken ones are refused whole', () => {
    importsExactly('json', 'fz', 0x1a50);
  });

  it('CSV: the same sales (names with commas and quotes) are stored with exactly the fen a person computes', () => {
    importsExactly('csv', 'fzc', 0x1a52);
  });

  it('random text is refused as unreadable or reported row by row, never thrown, never half-stored', () => {
    const db = f.core.ctx.db.sqlite;
    const before = (db.prepare('SELECT count(*) AS n FROM sales').get() as { n: number }).n;
    const text = fc.oneof(
      fc.string({ maxLength: 400 }),
      fc.json({ maxDepth: 4 }),
      fc
        .array(
          fc.dictionary(
            fc.constantFrom('saleId', 'receiptNo', 'total', 'lines', 'payments', 'soldAt', 'x'),
            fc.jsonValue({ maxDepth: 2 }),
          ),
          { maxLength: 5 },
        )
        .map((a) => JSON.stringify(a)),
    );
    fc.assert(
      fc.property(text, (content) => {
        count('json import random texts');
        try {
          const r = importSales(
            { db: f.core.ctx.db, storeId: f.core.ctx.storeId },
            { format: 'json', content, fileName: 'junk.json' },
            null,
            NOW,
          );
          expect(r.salesImported + r.salesFailed + r.salesSkippedDuplicate).toBeLessThanOrEqual(r.rowsRead);
        } catch (e) {
          expect(isAppError(e) && e.code).toBe('IMPORT_FILE_UNREADABLE');
        }
      }),
      { seed: 0x1a51, numRuns: runs(300) },
    );
    // Nothing random is a valid sale with lines and matching payments: no sale was stored.
    expect((db.prepare('SELECT count(*) AS n FROM sales').get() as { n: number }).n).toBe(before);
    expect(
      (
        db
          .prepare(
            `SELECT count(*) AS n FROM sales s WHERE NOT EXISTS (SELECT 1 FROM sale_lines l WHERE l.sale_id = s.id)`,
          )
          .get() as { n: number }
      ).n,
    ).toBe(0);
  });
});

describe('HID-POS flood', () => {
  it('10,000 scans as reports in one burst: every code comes out once, in order, with no error counted', () => {
    const n = soakCount('COUNTERDESK_SOAK_SCANS', 10_000);
    const codes = Array.from({ length: n }, (_, i) => `S-20261123-${String(i).padStart(5, '0')}`);
    const asm = createHidPosAssembler();
    const out: string[] = [];
    let t = 0;
    for (const c of codes) {
      for (const r of hidPosReportsFor(c, ']C0')) {
        const s = asm.push(r, t++);
        if (s) out.push(s.text);
      }
    }
    tried['hid-pos flood scans'] = n;
    expect(out).toEqual(codes);
    expect(Object.values(asm.errors).reduce((a, b) => a + b, 0)).toBe(0);
    // After the flood the assembler is not stuck: the next scan still comes out whole, alone.
    const after = hidPosReportsFor('S-AFTER-FLOOD', ']C0')
      .map((r) => asm.push(r, t++))
      .filter((x) => x !== null && x !== undefined);
    expect(after.map((x) => x?.text)).toEqual(['S-AFTER-FLOOD']);
  });
});
