/**
 * Journey 1 (JOURNEYS.md): 小王 scans the receipt, returns the speaker of a two-line sale with a
 * 10 % coupon, inspects it (serial scanned from the box), and refunds ¥359.10 (¥399 − ¥39.90 coupon
 * share) to WeChat Pay; the slip preview shows the return number and the amount. In zh-CN and
 * en-US, with a screenshot of every step. Also: unknown and malformed receipt numbers explained.
 */
import { DEMO_JOURNEY_SERIALS } from '../../core/demo/seed-demo-sales';
import {
  bridgeCall,
  expect,
  journeyReceipts,
  ReturnsScreen,
  test,
  type UiLocale,
} from './support/returns-page';

test.setTimeout(120_000);

const TEXT = {
  'zh-CN': {
    bought: (day: string) => `购买于 ${day}（5 天前）`,
    sanbao: '三包：7 天内',
    allowed: '可退货',
    wechat: '微信支付',
    done: '已办理',
  },
  'en-US': {
    bought: (day: string) => `Bought ${day}, 5 days ago`,
    sanbao: '三包: performance fault within 7 days',
    allowed: 'return, exchange or repair',
    wechat: 'WeChat Pay',
    done: 'Done',
  },
} as const;

/** S-20261118-0007 → 2026-11-18 */
function dayOf(receiptNo: string): string {
  const d = receiptNo.split('-')[1] ?? '';
  return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
}

for (const locale of ['zh-CN', 'en-US'] as const satisfies readonly UiLocale[]) {
  test(`J1 ${locale}: scan receipt → return the speaker with its coupon share → inspect → ¥359.10 to WeChat Pay → slip`, async ({
    page,
    host,
  }) => {
    const T = TEXT[locale];
    const receipt = journeyReceipts().returnWithReceipt;
    const r = new ReturnsScreen(page, locale);
    await r.open(host);
    await r.shot('j1-1-find');

    // Scan the receipt's QR: a fast burst into the focused receipt field.
    await r.scan(receipt);
    await r.expectStep('choose');
    await expect(page.getByTestId('sale-summary')).toContainText(receipt);
    await expect(r.line(1)).toContainText('EDM330A2611001');
    await expect(r.line(2)).toContainText('¥53.10');
    await r.pick(1, 'performance_fault');
    await r.shot('j1-2-choose');
    await r.enter();

    await r.expectStep('check');
    const card = r.checkCard(1);
    const policy = card.getByTestId('policy-panel');
    await expect(policy).toContainText(T.bought(dayOf(receipt)));
    await expect(policy).toContainText(T.sanbao);
    await expect(policy).toContainText(T.allowed);
    await r.inspectAllOk(1, 'A-defective');
    // The serial/IMEI on the box is scanned: the field the check step offers takes it.
    await expect(page.getByTestId('scan-target')).toContainText(locale === 'zh-CN' ? '序列号' : 'serial');
    await r.scan(DEMO_JOURNEY_SERIALS.speaker);
    await expect(card.locator('input[name="serial-1"]')).toHaveValue(DEMO_JOURNEY_SERIALS.speaker);
    await expect(card.locator('[data-item="serial_matches"]')).toHaveAttribute('data-answer', 'yes');
    await expect(card.locator('[data-disposition="rma_vendor"]')).toHaveAttribute('aria-pressed', 'true');
    await expect(policy).toHaveAttribute('data-status', 'allowed');
    await r.shot('j1-3-check');
    await r.enter();

    await r.expectStep('resolve');
    await expect(page.locator('[data-resolution="refund"]')).toHaveAttribute('aria-pressed', 'true');
    const row = r.moneyTable.locator('[data-money-line="1"]');
    await expect(row).toContainText('¥399.00');
    await expect(row.getByTestId('discount-share')).toHaveText('−¥39.90');
    await expect(row.getByTestId('line-back')).toHaveText('¥359.10');
    const tender = page.getByTestId('tenders').locator('[data-tender="wechat"]');
    await expect(tender).toContainText(T.wechat);
    await expect(tender).toContainText('¥359.10');
    await r.shot('j1-4-resolve');
    await r.enter();

    await r.expectStep('confirm');
    await expect(page.getByTestId('confirm-total')).toContainText('¥359.10');
    await r.shot('j1-5-confirm');
    await page.keyboard.press('F9');

    await r.expectStep('done');
    const returnId = await r.returnId();
    await expect(page.getByTestId('result-heading')).toContainText(`${T.done}`);
    await expect(page.getByTestId('result-total')).toContainText('¥359.10');
    await expect(page.getByTestId('commit-result').locator('[data-tender="wechat"]')).toContainText(
      '¥359.10',
    );
    await expect(r.slip).toContainText(returnId);
    await expect(r.slip).toContainText('359.10');
    await expect(page.getByTestId('print-status')).toBeVisible();
    await r.shot('j1-6-done');

    // Core recorded exactly one return of the sale; the cable stays returnable.
    const sale = await bridgeCall<{
      sale: { id: string };
      lines: { lineNo: number; remainingQty: number }[];
    }>(host, 'returns.saleForReturn', { receiptNo: receipt });
    const returns = await bridgeCall<{ id: string }[]>(host, 'returns.forSale', { saleId: sale.sale.id });
    expect(returns.map((x) => x.id)).toEqual([returnId]);
    expect(sale.lines.map((l) => l.remainingQty)).toEqual([0, 1]);
  });
}

test('unknown and malformed receipt numbers are explained and change nothing', async ({ page, host }) => {
  const r = new ReturnsScreen(page, 'zh-CN');
  await r.open(host);
  await r.typeReceipt('S-20200101-0999');
  await expect(page.getByRole('alert')).toContainText('找不到小票号为 S-20200101-0999 的销售单');
  await r.expectStep('find');
  await expect(r.receiptField).toBeFocused();

  await r.receiptField.fill('');
  await r.typeReceipt('S 2026/11#18');
  await expect(page.getByRole('alert')).toContainText('“S 2026/11#18”不是小票号');

  await r.receiptField.fill('');
  await r.typeReceipt('J-20261118-0001');
  await expect(page.getByRole('alert')).toContainText('J-20261118-0001 是维修单号，不是销售小票');
  await r.shot('find-unknown');
});

test('a serial that does not match the sale blocks the line: explained, nothing to commit', async ({
  page,
  host,
}) => {
  const r = new ReturnsScreen(page, 'zh-CN');
  await r.open(host);
  await r.typeReceipt(journeyReceipts().returnWithReceipt);
  await r.expectStep('choose');
  await r.pick(1, 'performance_fault');
  await r.enter();
  await r.expectStep('check');
  const card = r.checkCard(1);
  await r.inspectAllOk(1, 'A-defective');
  await r.scan('EDM330A2699999');
  await expect(card.locator('input[name="serial-1"]')).toHaveValue('EDM330A2699999');
  await expect(card).toContainText('与销售记录不符，不是所售商品');
  await expect(card.locator('[data-item="serial_matches"]')).toHaveAttribute('data-answer', 'no');
  await expect(card.getByTestId('policy-panel')).toHaveAttribute('data-status', 'blocked');
  await expect(card.getByTestId('policy-panel')).toContainText('序列号与销售记录不符 → 不是所售商品');
  await r.enter();
  await r.expectStep('resolve');
  await expect(page.getByTestId('blocked')).toContainText('不能受理');
  await expect(page.getByTestId('blocked')).toContainText('重新扫描商品上的序列号');
  await expect(page.getByTestId('money-table')).toHaveCount(0);
  await expect(page.getByTestId('step-next')).toBeDisabled();
  await page.keyboard.press('F9');
  await r.expectStep('resolve');
  await r.shot('serial-mismatch');
  const sale = await bridgeCall<{ sale: { id: string } }>(host, 'returns.saleForReturn', {
    receiptNo: journeyReceipts().returnWithReceipt,
  });
  expect(await bridgeCall<unknown[]>(host, 'returns.forSale', { saleId: sale.sale.id })).toEqual([]);
});
