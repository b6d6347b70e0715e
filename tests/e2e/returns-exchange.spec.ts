/**
 * Journey 4 (JOURNEYS.md): a phone case returned for a different model ¥20 dearer. The new case is
 * scanned in the exchange panel, the customer pays the ¥20 difference in cash, the drawer opens,
 * and one slip shows both sides.
 */
import { DEMO_JOURNEY_SKUS, demoProduct } from '../../core/demo/seed-demo-catalog';
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
    pays: '顾客需补差价 ¥20.00',
    cash: '现金',
    paid: '顾客已支付 ¥20.00',
    drawer: '请收现金 ¥20.00',
    goods: '抵扣新商品',
  },
  'en-US': {
    pays: 'Customer pays the difference ¥20.00',
    cash: 'Cash',
    paid: 'Customer paid ¥20.00',
    drawer: 'take ¥20.00 in cash',
    goods: 'Applied to new items',
  },
} as const;

for (const locale of ['zh-CN', 'en-US'] as const satisfies readonly UiLocale[]) {
  test(`J4 ${locale}: exchange the phone case for a ¥20 dearer one, customer pays ¥20 cash, one slip shows both`, async ({
    page,
    host,
  }) => {
    const T = TEXT[locale];
    const oldCase = demoProduct(DEMO_JOURNEY_SKUS.phoneCase);
    const newCase = demoProduct(DEMO_JOURNEY_SKUS.phoneCaseDearer);
    const r = new ReturnsScreen(page, locale);
    await r.open(host);
    await r.typeReceipt(journeyReceipts().phoneCase);
    await r.expectStep('choose');
    await r.pick(1, 'no_reason');
    await r.enter();
    await r.expectStep('check');
    await r.inspectAllOk(1, 'A-new');
    await r.enter();

    await r.expectStep('resolve');
    await page.locator('[data-resolution="exchange"]').click();
    const panel = page.getByTestId('exchange-panel');
    await expect(panel).toBeVisible();
    // The new case's barcode is scanned: the exchange panel is where a product scan goes now.
    await r.scan(newCase.gtin);
    await expect(panel.locator(`[data-exchange-item="${newCase.sku}"]`)).toContainText(newCase.name);
    await expect(panel.locator(`[data-exchange-item="${newCase.sku}"]`)).toContainText('¥69.00');
    await expect(panel.getByTestId('exchange-difference')).toHaveText(T.pays);
    await panel.locator('[data-pay-tender="cash"]').click();
    const pay = page.getByTestId('tenders').locator('[data-tender="cash"]');
    await expect(pay).toContainText(T.cash);
    await expect(pay).toContainText('¥20.00');
    // The ledger row: the ¥69 new case is where the ¥49 credit (and the ¥20) went.
    const goods = page.getByTestId('tenders').locator('[data-tender="exchange_goods"]');
    await expect(goods).toContainText(T.goods);
    await expect(goods).toContainText('¥69.00');
    await r.shot('j4-1-resolve-exchange');
    await r.enter();

    await r.expectStep('confirm');
    await expect(page.getByTestId('confirm-total')).toContainText('¥20.00');
    await r.shot('j4-2-confirm');
    await page.keyboard.press('F9');

    await r.expectStep('done');
    const returnId = await r.returnId();
    await expect(page.getByTestId('result-total')).toContainText(T.paid);
    await expect(page.getByTestId('drawer')).toContainText(T.drawer);
    await expect(r.slip).toContainText(returnId);
    await expect(r.slip).toContainText(oldCase.name);
    await expect(r.slip).toContainText(newCase.name);
    await expect(r.slip).toContainText('20.00');
    // The slip is in the store's locale: the new row in words either way.
    await expect(r.slip).toContainText(/抵扣新商品|Applied to new items/);
    await r.shot('j4-3-done');

    const detail = await bridgeCall<{
      kind: string;
      exchangeLines: { sku: string }[];
      tenders: { tender: string; amountMinor: number }[];
    }>(host, 'returns.get', { returnId });
    expect(detail.kind).toBe('exchange');
    expect(detail.exchangeLines.map((x) => x.sku)).toEqual([newCase.sku]);
    expect(detail.tenders).toEqual([
      expect.objectContaining({ tender: 'exchange_goods', amountMinor: 6_900 }),
      expect.objectContaining({ tender: 'cash', amountMinor: -2_000 }),
    ]);
  });
}
