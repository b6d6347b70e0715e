/**
 * Double submits never refund twice: F9 pressed twice quickly, the commit button double-clicked
 * then Enter, and — the dangerous one — the link dropping after core committed but before the
 * answer arrived: the clerk signs in again, resumes the draft, presses F9, and gets the same return
 * back (replayed by its idempotency key). Also a split-tender sale refunded to both tenders.
 * Core's own record (returns.forSale on a second connection) is the judge.
 */
import type { WebSocketRoute } from '@playwright/test';
import { signIn } from './support/fixtures';
import { bridgeCall, expect, journeyReceipts, openBridge, ReturnsScreen, test } from './support/returns-page';

test.setTimeout(120_000);

type SaleForReturn = {
  sale: {
    id: string;
    receiptNo: string;
    totalMinor: number;
    payments: { tender: string; amountMinor: number }[];
  };
  lines: { lineNo: number; remainingQty: number; categoryCode: string | null }[];
};

async function returnsOf(host: Parameters<typeof bridgeCall>[0], receiptNo: string): Promise<string[]> {
  const s = await bridgeCall<SaleForReturn>(host, 'returns.saleForReturn', { receiptNo });
  const list = await bridgeCall<{ id: string }[]>(host, 'returns.forSale', { saleId: s.sale.id });
  return list.map((r) => r.id);
}

test('J5 F9 pressed twice quickly → exactly one return', async ({ page, host }) => {
  const receipt = journeyReceipts().returnWithReceipt;
  const r = new ReturnsScreen(page, 'zh-CN');
  await r.open(host);
  await r.toConfirm(receipt, [{ lineNo: 1, reason: 'performance_fault', grade: 'A-defective' }]);
  await page.keyboard.press('F9');
  await page.keyboard.press('F9');
  await r.expectStep('done');
  const id = await r.returnId();
  // F9 on the result screen does not commit again either.
  await page.keyboard.press('F9');
  await expect(page.getByTestId('result-heading')).toContainText(id);
  expect(await returnsOf(host, receipt)).toEqual([id]);
});

test('J5 commit button double-clicked, then Enter → exactly one return', async ({ page, host }) => {
  const receipt = journeyReceipts().phoneCase;
  const r = new ReturnsScreen(page, 'zh-CN');
  await r.open(host);
  await r.toConfirm(receipt, [{ lineNo: 1, reason: 'no_reason', grade: 'A-new' }]);
  await page.getByTestId('commit').dblclick();
  await page.keyboard.press('Enter');
  await r.expectStep('done');
  const id = await r.returnId();
  expect(await returnsOf(host, receipt)).toEqual([id]);
});

test('J5 the link drops after core committed: resume the draft, F9 again → the same return, refunded once', async ({
  page,
  host,
}) => {
  const receipt = journeyReceipts().returnWithReceipt;
  // Between the page and the host: forwards everything, except that the answer to the first
  // returns.commit is swallowed and the socket dropped (core has committed; the screen never hears).
  let commitCallId: number | null = null;
  let dropped = false;
  await page.routeWebSocket(/\/bridge/, (ws: WebSocketRoute) => {
    const server = ws.connectToServer();
    ws.onMessage((m) => {
      const msg = JSON.parse(String(m)) as { id: number; method: string };
      if (!dropped && msg.method === 'returns.commit') commitCallId = msg.id;
      server.send(m);
    });
    server.onMessage((m) => {
      const msg = JSON.parse(String(m)) as { type: string; id?: number };
      if (!dropped && msg.type === 'result' && msg.id === commitCallId) {
        dropped = true;
        void ws.close({ code: 1011, reason: 'link dropped (test)' });
        void server.close();
        return;
      }
      ws.send(m);
    });
  });

  const r = new ReturnsScreen(page, 'zh-CN');
  await r.open(host);
  await r.toConfirm(receipt, [{ lineNo: 1, reason: 'performance_fault', grade: 'A-defective' }]);
  await page.keyboard.press('F9');

  // The link came back as a new connection: signed out. Core has the return already.
  await expect(page.locator('input[name="staffCode"]')).toBeVisible();
  const recorded = await returnsOf(host, receipt);
  expect(recorded).toHaveLength(1);

  await signIn(page, '1001', '1111');
  const draft = page.getByTestId('drafts').locator('[data-draft-id]').filter({ hasText: receipt });
  await expect(draft).toHaveCount(1);
  await r.shot('j5-drafts-after-drop');
  await draft.getByRole('button', { name: '继续办理' }).click();
  await r.expectStep('confirm');
  await expect(page.getByTestId('commit-pending')).toBeVisible();
  await r.shot('j5-resumed-pending');
  await page.keyboard.press('F9');

  await r.expectStep('done');
  expect(await r.returnId()).toBe(recorded[0]);
  await expect(page.getByTestId('commit-result')).toContainText('没有重复退款');
  expect(await returnsOf(host, receipt)).toEqual(recorded);
  // The draft is gone once the return is settled.
  await page.keyboard.press('F2');
  await r.expectStep('find');
  await expect(page.getByTestId('drafts').locator('[data-draft-id]')).toHaveCount(0);
});

test('split tenders (en-US): a sale paid two ways is refunded to both, each its share', async ({
  page,
  host,
}) => {
  // Find a recent demo sale paid with two tenders, within the policy's windows and amount limits.
  const bridge = await openBridge(host);
  let found: SaleForReturn | null = null;
  try {
    for (let back = 1; back <= 6 && !found; back++) {
      const day = new Date(Date.now() + 8 * 3_600_000 - back * 86_400_000).toISOString().slice(0, 10);
      const sales = await bridge.call<{ receiptNo: string; totalMinor: number }[]>('sales.search', {
        day,
        limit: 100,
      });
      for (const s of sales) {
        if (s.totalMinor > 90_000) continue;
        const full = await bridge.call<SaleForReturn>('returns.saleForReturn', { receiptNo: s.receiptNo });
        if (full.sale.payments.length >= 2 && full.lines.every((l) => l.remainingQty > 0)) {
          found = full;
          break;
        }
      }
    }
  } finally {
    bridge.close();
  }
  expect(found, 'the demo has a split-tender sale in the last 6 days').not.toBeNull();
  if (!found) return;
  const sale = found;

  const r = new ReturnsScreen(page, 'en-US');
  await r.open(host);
  await r.toConfirm(
    sale.sale.receiptNo,
    sale.lines.map((l) => ({ lineNo: l.lineNo, reason: 'performance_fault', grade: 'A-defective' })),
  );
  const tenders = page.getByTestId('tenders');
  const money = (m: number) => `¥${(m / 100).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
  for (const p of sale.sale.payments)
    await expect(tenders.locator(`[data-tender="${p.tender}"]`)).toContainText(money(p.amountMinor));
  await expect(page.getByTestId('confirm-total')).toContainText(money(sale.sale.totalMinor));
  await r.shot('j5-split-confirm');
  await page.keyboard.press('F9');
  await r.expectStep('done');
  const id = await r.returnId();
  const result = page.getByTestId('commit-result');
  for (const p of sale.sale.payments)
    await expect(result.locator(`[data-tender="${p.tender}"]`)).toContainText(money(p.amountMinor));
  await expect(r.slip).toContainText(id);
  await r.shot('j5-split-done');
  const detail = await bridgeCall<{ tenders: { tender: string; amountMinor: number }[] }>(
    host,
    'returns.get',
    { returnId: id },
  );
  expect(detail.tenders.map((x) => [x.tender, x.amountMinor]).sort()).toEqual(
    sale.sale.payments.map((p) => [p.tender, p.amountMinor]).sort(),
  );
});
