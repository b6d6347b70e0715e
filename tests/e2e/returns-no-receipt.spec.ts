/**
 * Journey 3 (JOURNEYS.md): a kettle with the store's barcode and no receipt. The barcode scanned on
 * the find screen opens the no-receipt path with the item; the customer's phone finds no sale; the
 * policy gives store credit at the lowest price of the last 90 days (¥99.00, the promotion price),
 * within the monthly limit, with the ID recorded.
 */
import { DEMO_JOURNEY_SKUS, demoProduct } from '../../core/demo/seed-demo-catalog';
import { DEMO_JOURNEY_CUSTOMERS } from '../../core/demo/seed-demo-sales';
import { bridgeCall, expect, ReturnsScreen, test, type UiLocale } from './support/returns-page';

test.setTimeout(120_000);

const TEXT = {
  'zh-CN': {
    noSales: '此手机号没有销售记录',
    price: '近 90 天最低售价 ¥99.00',
    rule: '无小票：按近 90 天最低售价退为店铺余额',
  },
  'en-US': {
    noSales: 'No sale for this phone',
    price: 'Lowest price of the last 90 days ¥99.00',
    rule: 'No receipt: store credit at the lowest price of the last 90 days',
  },
} as const;

for (const locale of ['zh-CN', 'en-US'] as const satisfies readonly UiLocale[]) {
  test(`J3 ${locale}: no-receipt kettle → store credit at the 90-day low`, async ({ page, host }) => {
    const T = TEXT[locale];
    const kettle = demoProduct(DEMO_JOURNEY_SKUS.kettle);
    const customer = DEMO_JOURNEY_CUSTOMERS.kettleNoReceipt;
    const r = new ReturnsScreen(page, locale);
    await r.open(host);

    // The kettle's barcode scanned on the find screen: no receipt, the form opens with the item.
    await r.scan(kettle.gtin);
    const form = page.getByTestId('no-receipt-form');
    await expect(form.locator('input[name="noReceiptProduct"]')).toHaveValue(kettle.gtin);
    await expect(form.locator('input[name="noReceiptPhone"]')).toBeFocused();
    await page.keyboard.type(customer.phone, { delay: 60 });
    await page.keyboard.press('Enter');
    await expect(form.getByTestId('phone-no-sales')).toContainText(T.noSales);
    await form.locator('input[name="noReceiptName"]').fill(customer.name);
    await form.locator('input[name="noReceiptId"]').fill('110101199001011234');
    await r.shot('j3-1-no-receipt');
    await form.locator('input[name="noReceiptId"]').press('Enter');

    await r.expectStep('choose');
    await expect(page.getByTestId('sale-summary')).toContainText(kettle.name);
    await page.locator('[data-reason="no_reason"]').click();
    await r.enter();

    await r.expectStep('check');
    await expect(r.checkCard(1).getByTestId('policy-panel')).toContainText(T.rule);
    await r.inspectAllOk(1, 'A-new');
    await r.shot('j3-2-check');
    await r.enter();

    await r.expectStep('resolve');
    await expect(page.locator('[data-resolution="store_credit"]')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('no-receipt-facts')).toContainText(T.price);
    await expect(page.getByTestId('no-receipt-facts')).toContainText('110***********1234');
    await expect(r.moneyTable.getByTestId('total-back')).toHaveText('¥99.00');
    await expect(page.getByTestId('tenders').locator('[data-tender="store_credit"]')).toContainText('¥99.00');
    await r.shot('j3-3-resolve');
    await r.enter();

    await r.expectStep('confirm');
    await page.keyboard.press('F9');
    await r.expectStep('done');
    const returnId = await r.returnId();
    await expect(page.getByTestId('store-credit')).toContainText('¥99.00');
    await expect(r.slip).toContainText(returnId);
    await expect(r.slip).toContainText('99.00');
    await r.shot('j3-4-done');

    const detail = await bridgeCall<{
      sale: unknown;
      customer: { name: string; phone: string };
      idDocumentMasked: string;
    }>(host, 'returns.get', { returnId });
    expect(detail.sale).toBeNull();
    expect(detail.customer).toMatchObject({ name: customer.name, phone: customer.phone });
    expect(detail.idDocumentMasked).toBe('110***********1234');
  });
}
