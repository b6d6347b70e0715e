/**
 * Journey 2 (JOURNEYS.md): headphones bought 40 days ago, opened, no fault. The generic policy's
 * 30-day window refuses the return and the screen says why, with the dates; 小李 presses F8, 张店长
 * approves with code 9001 + PIN 90909090 and reason "goodwill"; the return proceeds as store credit
 * only, the 15 % restocking fee shown and waived by the manager; the result names who approved.
 */
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
    refused: (day: string) => `购买于 ${day}（40 天前）；退货期为 30 天`,
    notAllowed: '不可退货',
    overridePossible: '可由店长授权（F8）例外处理：仅退店铺余额',
    storeCreditOnly: '店长授权后只能退店铺余额',
    approved: '已由 张店长 授权（老顾客关怀）',
    approvedBy: '店长授权：张店长（老顾客关怀）',
    storeCredit: '店铺余额',
    wrongPin: 'PIN 码不正确',
  },
  'en-US': {
    refused: (day: string) => `Bought ${day}, 40 days ago; return window is 30 days`,
    notAllowed: 'no return',
    overridePossible: 'Manager override (F8) possible: store credit only',
    storeCreditOnly: 'store credit only',
    approved: 'Approved by 张店长 (Goodwill)',
    approvedBy: 'Approved by 张店长 (Goodwill)',
    storeCredit: 'Store credit',
    wrongPin: 'Wrong PIN',
  },
} as const;

function dayOf(receiptNo: string): string {
  const d = receiptNo.split('-')[1] ?? '';
  return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
}

for (const locale of ['zh-CN', 'en-US'] as const satisfies readonly UiLocale[]) {
  test(`J2 ${locale}: headphones refused with the reason → F8 override by the manager → store credit, fee waived`, async ({
    page,
    host,
  }) => {
    const T = TEXT[locale];
    const receipt = journeyReceipts().headphones40Days;
    const r = new ReturnsScreen(page, locale);
    await r.open(host, '1002', '1212');
    // Typed as a clerk would read it off a crumpled receipt (scanning is journey 1's subject; a
    // synthetic wedge burst can be split by a GC pause on a loaded test machine).
    await r.receiptField.fill(receipt);
    await r.receiptField.press('Enter');
    await r.expectStep('choose');
    await r.pick(1, 'no_reason');
    await r.enter();

    await r.expectStep('check');
    const policy = r.checkCard(1).getByTestId('policy-panel');
    await expect(policy).toHaveAttribute('data-outcome', 'refused');
    await expect(policy).toContainText(T.refused(dayOf(receipt)));
    await expect(policy).toContainText(T.notAllowed);
    await expect(policy).toContainText(T.overridePossible);
    await r.inspectAllOk(1, 'B-opened');
    await r.shot('j2-1-check-refused');
    await r.enter();

    await r.expectStep('resolve');
    // Nothing the policy offers: store credit through the manager is preselected.
    await expect(page.locator('[data-resolution="store_credit"]')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('[data-resolution="refund"]')).toHaveAttribute('data-availability', 'override');
    const manager = page.getByTestId('manager-panel');
    await expect(manager).toContainText(T.refused(dayOf(receipt)));
    await expect(manager).toContainText(T.storeCreditOnly);
    const line = r.moneyTable.locator('[data-money-line="1"]');
    await expect(line.getByTestId('fee')).toHaveText('−¥134.85');
    await expect(line.getByTestId('line-back')).toHaveText('¥764.15');
    await page.getByTestId('waive-fee').click();
    await expect(line.getByTestId('line-back')).toHaveText('¥899.00');
    await expect(line.getByTestId('fee')).toContainText('¥134.85');
    await expect(manager.locator('[data-cause="fee_waiver"]')).toBeVisible();
    await r.shot('j2-2-resolve-needs-manager');

    // Enter cannot commit without the manager; F8 opens the override.
    await page.keyboard.press('F8');
    const dialog = page.getByRole('dialog');
    await expect(dialog.locator('input[name="managerCode"]')).toBeFocused();
    await page.keyboard.type('9001');
    await dialog.locator('input[name="managerPin"]').fill('1234');
    await dialog.locator('[data-override-reason="goodwill"]').click();
    await dialog.locator('input[name="overrideNote"]').fill('老顾客');
    await dialog.getByTestId('override-approve').click();
    await expect(dialog.locator('[data-error-code="AUTH_FAILED"]')).toContainText(T.wrongPin);
    await dialog.locator('input[name="managerPin"]').fill('909090');
    await r.shot('j2-3-override-dialog');
    await dialog.locator('input[name="managerPin"]').press('Enter');
    await expect(dialog).toHaveCount(0);
    await expect(manager).toContainText(T.approved);
    await r.enter();

    await r.expectStep('confirm');
    await expect(page.getByTestId('confirm-total')).toContainText('¥899.00');
    await expect(page.getByTestId('tenders').locator('[data-tender="store_credit"]')).toContainText(
      '¥899.00',
    );
    await r.shot('j2-4-confirm');
    await page.keyboard.press('F9');

    await r.expectStep('done');
    const returnId = await r.returnId();
    await expect(page.getByTestId('store-credit')).toContainText(returnId);
    await expect(page.getByTestId('store-credit')).toContainText('¥899.00');
    await expect(page.getByTestId('approved-by')).toContainText(T.approvedBy);
    await expect(r.slip).toContainText(returnId);
    await expect(r.slip).toContainText('899.00');
    await expect(r.slip).toContainText('张店长');
    // The reason reads as the manager chose it, not as its code.
    await expect(r.slip).toContainText('老顾客关怀');
    await expect(r.slip).not.toContainText('goodwill');
    await r.shot('j2-5-done');

    // Core: the override, both names and the reason are on the return.
    const detail = await bridgeCall<{
      override: {
        manager: { name: string };
        requestedBy: { name: string };
        reasonCode: string;
        note: string;
      };
      restockingFeeMinor: number;
      tenders: { tender: string; amountMinor: number }[];
    }>(host, 'returns.get', { returnId });
    expect(detail.override.manager.name).toBe('张店长');
    expect(detail.override.requestedBy.name).toBe('小李');
    expect(detail.override.reasonCode).toBe('goodwill');
    expect(detail.restockingFeeMinor).toBe(0);
    expect(detail.tenders).toEqual([
      expect.objectContaining({ tender: 'store_credit', amountMinor: 89_900 }),
    ]);
  });
}
