/**
 * POS sales files (CSV and JSON, docs/IMPORT-FORMAT.md) through the readers and the validator,
 * without a database: random sales, a quarter of them broken in one known way, in files of up to
 * 40 sales with names holding commas, quotes and Chinese. Every good sale comes out with exactly the
 * money a person computes (fen for fen, every line); every broken one is refused with a row error;
 * random text and truncated files never throw.
 */
import { readCsvSales } from '../../../core/services/sales/import/csv-sales';
import { readJsonSales } from '../../../core/services/sales/import/json-sales';
import { validateSale } from '../../../core/services/sales/import/validate-sale';
import type { DemoRng } from '../../../core/demo/demo-rng';
import { isAppError } from '../../../shared/contract/errors';
import { posCsvFromJson } from '../../helpers/pos-csv';
import { newTally, noteThrow, noteWrong, type FuzzTarget, type Tally } from './tally';

const NOW = Date.UTC(2026, 10, 23, 6, 0, 0);
const BREAKAGES = ['totalOffByOne', 'zeroQty', 'threeDecimals', 'discountTooLarge', 'paymentsShort'] as const;
type Breakage = 'none' | (typeof BREAKAGES)[number];
const NAME_SUFFIX = ['', ', 黑色', ' "Pro"', ',"大号", 2 件', " 5'' 屏"];
const fen = (n: number) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`;

interface Expected {
  total: number;
  lines: { lineNo: number; name: string; qty: number; unit: number; discount: number }[];
}

function buildSale(rng: DemoRng, id: string) {
  const breakage: Breakage = rng.chance(0.75) ? 'none' : rng.pick(BREAKAGES);
  const lines = Array.from({ length: rng.int(1, 5) }, (_, k) => {
    const qty = rng.int(1, 5);
    const unit = rng.int(1, 2_000_000);
    const gross = qty * unit;
    const discount = Math.floor((gross * rng.int(0, 30)) / 100);
    const sku = `SK-${rng.int(0, 99999)}`;
    return { lineNo: k + 1, sku, qty, unit, gross, discount, name: `商品 ${sku}${rng.pick(NAME_SUFFIX)}` };
  });
  const subtotal = lines.reduce((a, l) => a + l.gross - l.discount, 0);
  const orderDiscount = Math.floor((subtotal * rng.int(0, 20)) / 100);
  const total = subtotal - orderDiscount;
  const first = Math.floor(total / 2);
  const payments = rng.chance(0.5) && total > 1 ? [first, total - first] : [total];
  const row = {
    saleId: id,
    receiptNo: id.toUpperCase(),
    soldAt: new Date(NOW - 3_600_000).toISOString(),
    customer: null,
    taxIncluded: true,
    orderDiscount: fen(orderDiscount),
    total: fen(breakage === 'totalOffByOne' ? total + 1 : total),
    lines: lines.map((l, k) => ({
      lineNo: l.lineNo,
      sku: l.sku,
      name: l.name,
      category: 'accessories',
      qty: breakage === 'zeroQty' && k === 0 ? 0 : l.qty,
      unitPrice: breakage === 'threeDecimals' && k === 0 ? `${fen(l.unit)}5` : fen(l.unit),
      lineDiscount: fen(breakage === 'discountTooLarge' && k === 0 ? l.gross + 1 : l.discount),
      taxRate: '13',
    })),
    payments: payments.map((amount, k) => ({
      tender: k === 0 ? 'wechat' : 'cash',
      amount: fen(breakage === 'paymentsShort' && k === 0 ? amount - 1 : amount),
    })),
  };
  const expected: Expected | null =
    breakage === 'none'
      ? {
          total,
          lines: lines.map((l) => ({
            lineNo: l.lineNo,
            name: l.name,
            qty: l.qty,
            unit: l.unit,
            discount: l.discount,
          })),
        }
      : null;
  return { row, expected };
}

/** Reads and validates `content`; every good sale exactly as expected, every broken one refused. */
function check(
  t: Tally,
  format: 'csv' | 'json',
  content: string,
  expected: Map<string, Expected | null>,
): void {
  const seen = new Set<string>();
  const read = format === 'csv' ? readCsvSales(content) : readJsonSales(content);
  for (const item of read.items) {
    if (item.kind === 'failed') {
      if (item.saleId !== null && expected.get(item.saleId))
        noteWrong(t, `good sale ${item.saleId} refused by the ${format} reader`);
      if (item.saleId !== null) seen.add(item.saleId);
      continue;
    }
    const id = item.draft.saleId;
    seen.add(id);
    const want = expected.get(id);
    const v = validateSale(item.draft, { format, minorDigits: 2, now: NOW });
    if (!want) {
      if (v.ok) noteWrong(t, `broken sale ${id} accepted (${format})`);
      else if (v.errors.length === 0) noteWrong(t, `broken sale ${id} refused without a row error`);
      continue;
    }
    if (!v.ok) {
      noteWrong(t, `good sale ${id} refused (${format}): ${JSON.stringify(v.errors[0])}`);
      continue;
    }
    const s = v.sale;
    const paid = s.payments.reduce((a, p) => a + p.amountMinor, 0);
    const linesOk =
      s.lines.length === want.lines.length &&
      s.lines.every((l, i) => {
        const w = want.lines[i];
        return (
          w &&
          l.lineNo === w.lineNo &&
          l.name === w.name &&
          l.qty === w.qty &&
          l.unitPriceMinor === w.unit &&
          l.lineDiscountMinor === w.discount
        );
      });
    if (s.totalMinor !== want.total || paid !== want.total || !linesOk)
      noteWrong(t, `sale ${id} (${format}) stored as ${s.totalMinor} fen, expected ${want.total}`);
  }
  for (const id of expected.keys())
    if (!seen.has(id)) noteWrong(t, `sale ${id} missing from the ${format} reader's output`);
}

export const salesImportTarget: FuzzTarget = {
  name: 'sales-import',
  frame: 'one sale line (a CSV record or a JSON line object)',
  run(rng, frames) {
    const t = newTally('sales-import');
    for (let file = 0; t.frames < frames; file++) {
      const format = rng.chance(0.5) ? 'csv' : 'json';
      const built = Array.from({ length: rng.int(1, 40) }, (_, i) => buildSale(rng, `fz-${file}-${i}`));
      const rows = built.map((b) => b.row);
      const lines = rows.reduce((a, r) => a + r.lines.length, 0);
      t.frames += lines;
      t.hostile += built.filter((b) => !b.expected).reduce((a, b) => a + b.row.lines.length, 0);
      const content = format === 'csv' ? posCsvFromJson(rows) : JSON.stringify(rows);
      const expected = new Map(built.map((b) => [b.row.saleId, b.expected]));
      try {
        check(t, format, content, expected);
      } catch (e) {
        noteThrow(t, e, content);
      }
      if (rng.chance(0.1)) {
        // a file cut short by a POS that was still writing it, or random text: refused or reported, never thrown
        const cut = rng.chance(0.5)
          ? content.slice(0, rng.int(0, content.length))
          : String.fromCharCode(...Array.from({ length: rng.int(0, 300) }, () => rng.int(0, 0xffff)));
        t.hostile++;
        t.frames++;
        try {
          const read = format === 'csv' ? readCsvSales(cut) : readJsonSales(cut);
          for (const item of read.items)
            if (item.kind === 'sale') validateSale(item.draft, { format, minorDigits: 2, now: NOW });
        } catch (e) {
          if (!isAppError(e)) noteThrow(t, e, cut); // a typed refusal (bad header, not JSON) is the answer
        }
      }
    }
    return t;
  },
};
