/**
 * Fuzzing of the byte protocols and the sales import that the colleagues' own suites do not cover
 * yet (HID-POS, ESC/POS status/ASB, the ESC/POS decoder, ES51922/UT61E, the serial scanner framer,
 * the CSV reader and CSV import rows already have fixed-seed fast-check tests next to their code):
 * - SCPI answer lines: bytes in random chunks with CR/LF variants, garbage lines and over-long lines
 *   through the line splitter and the NRf parser, against an oracle built from what was sent;
 * - the JSON sales import: random sales, some broken in one known way, against the money a person
 *   computes (every good sale stored with exactly its fen, every broken one refused with a row error
 *   and nothing stored), and random text that must be refused or reported, never thrown;
 * - a HID-POS flood: 10,000 scans' reports through the assembler in one go, none lost.
 * Runs per property: COUNTERDESK_SOAK multiplies them.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLineSplitter } from '../../core/hardware/meters/line-splitter';
import { parseNr3 } from '../../core/hardware/meters/scpi-protocol';
import { createHidPosAssembler } from '../../core/hardware/scanners/hid-pos-assembler';
import { hidPosReportsFor } from '../../core/hardware/scanners/simulated-hid-scanner';
import { importSales } from '../../core/services/sales/import/import-sales';
import { isAppError } from '../../shared/contract/errors';
import { makeCore, type CoreFixture } from '../helpers/core-fixture';
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

describe('JSON sales import', () => {
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

  let batch = 0;
  it('good sales are stored with exactly the fen a person computes; broken ones are refused whole', () => {
    const db = f.core.ctx.db.sqlite;
    fc.assert(
      fc.property(fc.array(sale, { minLength: 1, maxLength: 12 }), (sales) => {
        count('json import files');
        batch++;
        const expected = new Map<string, { subtotal: number; total: number; lines: number }>();
        const rows = sales.map((s, i) => {
          count('json import sales');
          const id = `fz-${batch}-${i}`;
          const lines = s.lines.map((l, k) => {
            const gross = l.qty * l.unit;
            const discount = Math.floor((gross * l.discountPct) / 100);
            return { ...l, lineNo: k + 1, gross, discount };
          });
          const subtotal = lines.reduce((a, l) => a + l.gross - l.discount, 0);
          const orderDiscount = Math.floor((subtotal * s.orderPct) / 100);
          const total = subtotal - orderDiscount;
          if (s.breakage === 'none') expected.set(id, { subtotal, total, lines: lines.length });
          const first = Math.floor(total / 2);
          const payments = s.split && total > 1 ? [first, total - first] : [total];
          return {
            saleId: id,
            receiptNo: `FZ-${batch}-${i}`,
            soldAt: new Date(NOW - 3_600_000).toISOString(),
            customer: null,
            taxIncluded: true,
            orderDiscount: fen(orderDiscount),
            total: fen(s.breakage === 'totalOffByOne' ? total + 1 : total),
            lines: lines.map((l, k) => ({
              lineNo: l.lineNo,
              sku: l.sku,
              name: `商品 ${l.sku}`,
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
        const r = importSales(
          { db, storeId: f.core.ctx.storeId },
          { format: 'json', content: JSON.stringify(rows), fileName: `fz-${batch}.json` },
          null,
          NOW,
        );
        expect(r.salesImported).toBe(expected.size);
        expect(r.salesFailed).toBe(sales.length - expected.size);
        for (const [i, s] of sales.entries()) {
          const id = `fz-${batch}-${i}`;
          const stored = db
            .prepare(
              'SELECT subtotal_minor AS subtotal, total_minor AS total, (SELECT count(*) FROM sale_lines WHERE sale_id = s.id) AS lines FROM sales s WHERE id = ?',
            )
            .get(id);
          if (s.breakage === 'none') expect(stored).toEqual(expected.get(id));
          else {
            expect(stored).toBeUndefined();
            expect(r.errors.some((e) => e.saleId === id)).toBe(true);
          }
        }
      }),
      { seed: 0x1a50, numRuns: runs(120) },
    );
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
            { db, storeId: f.core.ctx.storeId },
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
    const started = performance.now();
    const out: string[] = [];
    let t = 0;
    for (const c of codes) {
      for (const r of hidPosReportsFor(c, ']C0')) {
        const s = asm.push(r, t++);
        if (s) out.push(s.text);
      }
    }
    const ms = performance.now() - started;
    tried['hid-pos flood scans'] = n;
    expect(out).toEqual(codes);
    expect(Object.values(asm.errors).reduce((a, b) => a + b, 0)).toBe(0);
    // Far faster than the 10,000 scans a second a flooding scanner can send.
    expect(ms).toBeLessThan(1000);
  });
});
