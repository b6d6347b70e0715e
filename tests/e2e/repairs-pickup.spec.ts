/**
 * Journey 7 in en-US with money: the demo speaker is ready with a balance; the clerk finds it from
 * the ready list, sees what is due, is stopped without the customer's signature, takes the balance
 * in cash with a 4-star / 8-of-10 survey (no gift card offered, nor store credit: the customer has
 * none), and the pickup slip shows the payment. A job number that
 * does not exist finds nothing, in words.
 */
import { expect, openApp, signIn, test } from './support/fixtures';
import { openRepairs, sign } from './support/repairs-page';

test.describe('repair pickup', () => {
  test('J7 en-US: balance due, signature required, paid in cash, survey, pickup slip', async ({
    page,
    host,
  }) => {
    test.slow();
    await openApp(page, host);
    await signIn(page, '1001', '1111');
    await page.getByRole('button', { name: 'English' }).click();
    await openRepairs(page, 'Repairs');

    await page.getByTestId('repair-search').fill('J-20990101-9999');
    await page.getByTestId('repair-search').press('Enter');
    await expect(page.getByText('No repair jobs match')).toBeVisible();

    await page.locator('[data-filter="ready"]').click();
    const row = page.locator('tr[data-job-id]').filter({ hasText: '孙丽' });
    await row.click();
    const pickup = page.getByTestId('pickup-panel');
    const due = pickup.getByTestId('balance-due');
    await expect(due).toContainText('Balance due');
    const amount = (await due.innerText()).replace(/^.*?([¥￥][\d,]+\.\d\d).*$/s, '$1');
    expect(amount).toMatch(/^[¥￥][\d,]+\.\d\d$/);

    await pickup.getByRole('button', { name: 'Hand over and print' }).click();
    await expect(pickup.getByRole('alert')).toContainText('Ask the customer to sign');
    await expect(page.getByTestId('job-status')).toHaveAttribute('data-status', 'ready');

    // No gift card (core cannot check its balance); no store credit: this customer has none.
    await expect(pickup.getByTestId('store-credit-balance')).toHaveCount(0);
    await pickup.getByRole('combobox', { name: 'Paid by' }).click();
    await expect(page.getByRole('option', { name: 'Cash' })).toBeVisible();
    await expect(page.getByRole('option', { name: 'Gift card' })).toHaveCount(0);
    await expect(page.getByRole('option', { name: 'Store credit' })).toHaveCount(0);
    await page.getByRole('option', { name: 'Cash' }).click();
    await expect(page.getByRole('listbox')).toHaveCount(0); // the menu has closed (its backdrop takes clicks)
    await sign(page, pickup.getByTestId('signature-pad'));
    await pickup.locator('[data-csat="4"]').click();
    await pickup.locator('[data-nps="8"]').click();
    await pickup.getByRole('button', { name: 'Hand over and print' }).click();
    await expect(page.getByTestId('job-status')).toHaveAttribute('data-status', 'picked_up');
    const slip = page.frameLocator('[data-testid="repair-slip-pickup"]');
    // The slip prints in the store's language (zh-CN): paid now, in cash, the amount that was due.
    await expect(slip.locator('body')).toContainText('本次收款');
    await expect(slip.locator('body')).toContainText(amount.slice(1));
    await expect(slip.locator('body')).toContainText('现金');
    await page.screenshot({ path: 'test-results/screens/repairs-pickup-en.png' });
  });
});
