/**
 * Property tests of the refund math (fast-check, fixed seeds). Sales are generated with a reference
 * computation of what each line costs (written here, independently of the code under test), tenders
 * are a random split of that total, and the units are returned in random splits and random order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planRefund } from '../../../shared/domain/refund/plan-refund';
import type { Tender as TenderKind } from '../../../shared/domain/money/tenders';
import type { PreviousReturn, RefundSale } from '../../../shared/domain/refund/sale';
import type { RefundMode } from '../../../shared/domain/refund/tenders';

const KINDS: TenderKind[] = ['cash', 'card', 'wechat', 'alipay', 'store_credit', 'gift_card'];

/** Reference largest remainder: floor quotas, leftovers to the largest remainders, ties to the lower index. */
function refShares(total: number, weights: number[]): number[] {
  const W = weights.reduce((s, w) => s + w, 0);
  if (W === 0) return weights.map(() => 0);
  const exact = weights.map((w) => BigInt(total) * BigInt(w));
  const parts = exact.map((e) => Number(e / BigInt(W)));
  let left = total - parts.reduce((s, p) => s + p, 0);
  const order = weights
    .map((_, i) => i)
    .sort((a, b) => {
      const ra = exact[a]! % BigInt(W);
      const rb = exact[b]! % BigInt(W);
      return ra === rb ? a - b : ra > rb ? -1 : 1;
    });
  for (const i of order) if (left-- > 0) parts[i]! += 1;
  return parts;
}

const halfUp = (n: bigint, d: bigint): number => Number((2n * n + d) / (2n * d)); // n, d ≥ 0

/** What the customer paid for each line, by the spec in DESIGN/brief. */
function refLinePaid(sale: RefundSale): number[] {
  const nets = sale.lines.map((l) => l.qty * l.unitPrice - l.lineDiscount);
  const shares = refShares(
    sale.orderDiscounts.reduce((s, d) => s + d.amount, 0),
    nets,
  );
  return sale.lines.map((l, i) => {
    const net = nets[i]! - shares[i]!;
    if (l.taxIncluded) return net;
    return net + halfUp(BigInt(net) * BigInt(l.taxRateBp), 10_000n);
  });
}

const lineArb = fc
  .record({
    qty: fc.integer({ min: 1, max: 6 }),
    unitPrice: fc.integer({ min: 0, max: 200_000 }),
    discountPermille: fc.integer({ min: 0, max: 1000 }),
    taxRateBp: fc.constantFrom(0, 300, 600, 825, 900, 1300),
    taxIncluded: fc.boolean(),
  })
  .map(({ discountPermille, ...l }) => ({
    ...l,
    lineDiscount: Math.floor((l.qty * l.unitPrice * discountPermille) / 1000),
  }));

const saleArb = fc
  .record({
    lines: fc.array(lineArb, { minLength: 1, maxLength: 5 }),
    couponPermille: fc.array(fc.integer({ min: 0, max: 500 }), { maxLength: 2 }),
    tenderKinds: fc.array(fc.constantFrom(...KINDS), { minLength: 1, maxLength: 4 }),
    cuts: fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 3, maxLength: 3 }),
  })
  .map(({ lines, couponPermille, tenderKinds, cuts }): RefundSale => {
    const withIds = lines.map((l, i) => ({ lineId: `L${i}`, ...l }));
    const netTotal = withIds.reduce((s, l) => s + l.qty * l.unitPrice - l.lineDiscount, 0);
    let room = netTotal;
    const orderDiscounts = couponPermille.map((p) => {
      const amount = Math.min(room, Math.floor((netTotal * p) / 1000));
      room -= amount;
      return { amount };
    });
    const draft: RefundSale = { currency: 'CNY', lines: withIds, orderDiscounts, tenders: [] };
    const total = refLinePaid(draft).reduce((s, v) => s + v, 0);
    const points = cuts
      .slice(0, tenderKinds.length - 1)
      .map((c) => Math.floor((total * c) / 1_000_000))
      .sort((a, b) => a - b);
    const bounds = [0, ...points, total];
    const tenders = tenderKinds.map((tender, i) => ({
      tender,
      amount: bounds[i + 1]! - bounds[i]!,
      ref: `T${i}`,
    }));
    return { ...draft, tenders };
  });

/** Random return sequence driven by `steps`: each picks a line with units left and how many of them. */
function* returnSequence(
  sale: RefundSale,
  steps: [number, number][],
): Generator<{ lineId: string; qty: number }[]> {
  const left = sale.lines.map((l) => l.qty);
  for (const [pick, qtyPick] of steps) {
    const open = left.map((q, i) => (q > 0 ? i : -1)).filter((i) => i >= 0);
    if (open.length === 0) return;
    const i = open[pick % open.length]!;
    const qty = 1 + (qtyPick % left[i]!);
    left[i]! -= qty;
    // Sometimes return a second line in the same visit.
    const other = open.find((j) => j !== i && pick % 3 === 0);
    if (other !== undefined) {
      const q2 = left[other]!;
      left[other] = 0;
      yield [
        { lineId: sale.lines[i]!.lineId, qty },
        { lineId: sale.lines[other]!.lineId, qty: q2 },
      ];
    } else yield [{ lineId: sale.lines[i]!.lineId, qty }];
  }
  const rest = sale.lines.map((l, i) => ({ lineId: l.lineId, qty: left[i]! })).filter((r) => r.qty > 0);
  if (rest.length > 0) yield rest;
}

const stepsArb = fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 12 });

interface Ledger {
  previous: PreviousReturn[];
  lineRefunded: number[];
  tenderRefunded: number[];
  saleRefunded: number;
}

function record(sale: RefundSale, ledger: Ledger, plan: ReturnType<typeof planRefund>): void {
  ledger.previous.push({
    lines: plan.computation.lines.map((l) => ({ lineId: l.lineId, qty: l.qty, refunded: l.total })),
    tenders: plan.tenders.lines.map((t) => ({
      saleTenderIndex: t.saleTenderIndex,
      tender: t.tender,
      amount: t.amount,
    })),
  });
  for (const l of plan.computation.lines) {
    const i = sale.lines.findIndex((s) => s.lineId === l.lineId);
    ledger.lineRefunded[i]! += l.total;
  }
  for (const t of plan.tenders.lines)
    if (t.saleTenderIndex !== null) ledger.tenderRefunded[t.saleTenderIndex]! += t.amount;
  ledger.saleRefunded += plan.tenders.total;
}

function checkStep(
  sale: RefundSale,
  ledger: Ledger,
  plan: ReturnType<typeof planRefund>,
  paid: number[],
): void {
  const c = plan.computation;
  for (const l of c.lines) {
    for (const v of [
      l.gross,
      l.discountShare,
      l.net,
      l.tax,
      l.paid,
      l.restockingFee,
      l.capReduction,
      l.total,
    ]) {
      expect(Number.isSafeInteger(v)).toBe(true);
      expect(v).toBeGreaterThanOrEqual(0);
    }
    expect(l.gross - l.discountShare).toBe(l.net);
    expect(l.paid - l.restockingFee - l.capReduction).toBe(l.total);
    expect(l.restockingFee).toBeLessThanOrEqual(l.net);
  }
  expect(c.totals.total).toBe(c.lines.reduce((s, l) => s + l.total, 0));
  expect(plan.tenders.total).toBe(c.totals.total);
  expect(plan.tenders.lines.reduce((s, t) => s + t.amount, 0)).toBe(c.totals.total);
  for (const t of plan.tenders.lines) {
    expect(Number.isSafeInteger(t.amount)).toBe(true);
    expect(t.amount).toBeGreaterThan(0);
  }
  record(sale, ledger, plan);
  ledger.lineRefunded.forEach((r, i) => expect(r).toBeLessThanOrEqual(paid[i]!));
  ledger.tenderRefunded.forEach((r, i) => expect(r).toBeLessThanOrEqual(sale.tenders[i]!.amount));
  expect(ledger.saleRefunded).toBeLessThanOrEqual(sale.tenders.reduce((s, t) => s + t.amount, 0));
}

const newLedger = (sale: RefundSale): Ledger => ({
  previous: [],
  lineRefunded: sale.lines.map(() => 0),
  tenderRefunded: sale.tenders.map(() => 0),
  saleRefunded: 0,
});

describe('refund properties', () => {
  it('returning everything in any split and order refunds exactly what was paid, per line, per sale and per tender', () => {
    fc.assert(
      fc.property(saleArb, stepsArb, (sale, steps) => {
        const paid = refLinePaid(sale);
        const ledger = newLedger(sale);
        for (const lines of returnSequence(sale, steps)) {
          const plan = planRefund({ sale, previousReturns: ledger.previous, lines, mode: 'original' });
          checkStep(sale, ledger, plan, paid);
          expect(plan.tenders.lines.every((t) => t.source === 'original')).toBe(true);
        }
        expect(ledger.lineRefunded).toEqual(paid);
        expect(ledger.saleRefunded).toBe(sale.tenders.reduce((s, t) => s + t.amount, 0));
        expect(ledger.tenderRefunded).toEqual(sale.tenders.map((t) => t.amount));
      }),
      { seed: 20261102, numRuns: 600 },
    );
  });

  it('with fees, waivers, store-credit-only and unavailable tenders: never negative, never above paid, tender caps hold', () => {
    const visitArb = fc.record({
      feeBp: fc.constantFrom(0, 0, 1000, 1500, 2500, 10_000),
      waived: fc.boolean(),
      mode: fc.constantFrom<RefundMode>('original', 'original', 'store_credit_only'),
      unavailable: fc.array(fc.nat({ max: 3 }), { maxLength: 2 }),
    });
    fc.assert(
      fc.property(
        saleArb,
        stepsArb,
        fc.array(visitArb, { minLength: 14, maxLength: 14 }),
        (sale, steps, visits) => {
          const paid = refLinePaid(sale);
          const ledger = newLedger(sale);
          let n = 0;
          for (const lines of returnSequence(sale, steps)) {
            const v = visits[n++ % visits.length]!;
            const plan = planRefund({
              sale,
              previousReturns: ledger.previous,
              lines: lines.map((l) => ({ ...l, restockingFeeBp: v.feeBp, restockingFeeWaived: v.waived })),
              mode: v.mode,
              unavailableTenderIndexes: v.unavailable,
            });
            checkStep(sale, ledger, plan, paid);
            if (v.mode === 'store_credit_only') {
              expect(plan.tenders.lines.every((t) => t.saleTenderIndex === null)).toBe(true);
            }
            for (const t of plan.tenders.lines) {
              if (t.saleTenderIndex !== null) expect(v.unavailable).not.toContain(t.saleTenderIndex);
            }
            if (v.feeBp === 0 || v.waived) {
              for (const l of plan.computation.lines) expect(l.restockingFee).toBe(0);
            }
          }
          expect(ledger.saleRefunded).toBeLessThanOrEqual(sale.tenders.reduce((s, t) => s + t.amount, 0));
        },
      ),
      { seed: 4242, numRuns: 500 },
    );
  });

  it('earlier refunds of any size never let a later return exceed what is left of the line or the sale', () => {
    fc.assert(
      fc.property(saleArb, fc.nat(), fc.nat(), fc.nat(), (sale, lineSeed, lineRefundSeed, creditSeed) => {
        const paid = refLinePaid(sale);
        const salePaid = sale.tenders.reduce((s, t) => s + t.amount, 0);
        const i = lineSeed % sale.lines.length;
        const line = sale.lines[i]!;
        const prevLineRefund = paid[i]! === 0 ? 0 : lineRefundSeed % (paid[i]! + 1);
        const room = salePaid - prevLineRefund;
        const credit = room === 0 ? 0 : creditSeed % (room + 1);
        const previous: PreviousReturn[] = [
          {
            lines: [{ lineId: line.lineId, qty: 0, refunded: prevLineRefund }],
            tenders: [{ saleTenderIndex: null, tender: 'store_credit', amount: prevLineRefund + credit }],
          },
        ];
        const plan = planRefund({
          sale,
          previousReturns: previous,
          lines: sale.lines.map((l) => ({ lineId: l.lineId, qty: l.qty })),
          mode: 'original',
        });
        const c = plan.computation;
        expect(c.lines[i]!.total).toBeLessThanOrEqual(paid[i]! - prevLineRefund);
        expect(c.totals.total).toBe(salePaid - prevLineRefund - credit);
        expect(c.totals.total + c.totals.capReduction).toBe(salePaid);
        expect(plan.tenders.total).toBe(c.totals.total);
      }),
      { seed: 99, numRuns: 500 },
    );
  });
});
