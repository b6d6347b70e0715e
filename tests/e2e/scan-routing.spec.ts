/**
 * Scan routing at the counter, in the real shell against the demo store: a receipt scanned with a
 * keyboard-wedge scanner anywhere (even into a text field) opens Returns with that receipt; the
 * same characters typed by a person stay typed; the simulated HID-POS scanner (Devices → 模拟扫描)
 * is routed the same way; badges switch clerk; codes nobody wants are explained.
 */
import type { Locator, Page } from '@playwright/test';
import { demoReceipt } from './support/bridge-client';
import { expect, nav, openApp, signIn, test } from './support/fixtures';
import { typeLikeAPerson, wedgeScan } from './support/scanner-keys';

const current = (page: Page): Locator => nav(page).locator('[aria-current="page"]');
const lastScan = (page: Page): Locator => page.getByTestId('last-scan');

async function openDevices(page: Page): Promise<void> {
  await nav(page).locator('[data-area="devices"]').click();
  await expect(page.getByRole('heading', { level: 1, name: '设备' })).toBeFocused();
}

test.describe('scan routing', () => {
  test('a receipt scanned by a keyboard-wedge scanner on another screen opens Returns with that receipt', async ({
    page,
    host,
  }) => {
    const receipt = await demoReceipt(host);
    await openApp(page, host);
    await signIn(page, '1001', '1111');
    await page.keyboard.press('F3');
    await expect(current(page)).toContainText('维修');
    await expect(lastScan(page)).toHaveText('等待扫码');

    await wedgeScan(page, receipt);

    await expect(current(page)).toContainText('退货/换货');
    await expect(page.getByRole('main')).toContainText(receipt);
    await expect(lastScan(page)).toContainText(receipt);
    await expect(lastScan(page)).toContainText('销售小票');
    await expect(lastScan(page)).toContainText('键盘模式扫码枪');
    await expect(lastScan(page)).toContainText('已打开退货/换货');
  });

  test('a scanner burst into a text field is taken out of the field and routed; the clerk’s text stays', async ({
    page,
    host,
  }) => {
    const receipt = await demoReceipt(host);
    await openApp(page, host);
    await signIn(page, '1001', '1111');
    await openDevices(page);
    const field = page.locator('input[name="simulateCode"]');
    await field.click();
    await page.keyboard.type('6901');
    await expect(field).toHaveValue('6901');

    // A product barcode lands in the focused field as a burst; no field on this screen wants it.
    await wedgeScan(page, '6901234567892');
    await expect(
      page
        .getByRole('status')
        .filter({ hasText: '扫描到商品条码 6901234567892，但当前页面没有需要它的输入框' }),
    ).toBeVisible();
    await expect(field).toHaveValue('6901');
    await expect(field).toBeFocused();

    // A receipt scanned into the same field opens Returns.
    await wedgeScan(page, receipt);
    await expect(current(page)).toContainText('退货/换货');
    await expect(page.getByRole('main')).toContainText(receipt);
    await expect(lastScan(page)).toHaveAttribute('data-scan-seq', '2');
  });

  test('the same receipt typed by a person (120 ms between keys) stays in the field and is not a scan', async ({
    page,
    host,
  }) => {
    const receipt = await demoReceipt(host);
    await openApp(page, host);
    await signIn(page, '9001', '909090');
    await openDevices(page);
    await page.getByRole('button', { name: '添加设备' }).click();
    const dialog = page.getByRole('dialog', { name: '添加设备' });
    const name = dialog.locator('input[name="name"]');
    await name.click();

    await typeLikeAPerson(page, receipt, 120);

    await expect(name).toHaveValue(receipt);
    // Enter submitted the form (a person's Enter is left alone): the empty serial path is pointed out.
    await expect(dialog.getByText('请输入路径')).toBeVisible();
    await expect(page.getByTestId('last-scan')).toHaveText('等待扫码');
    await expect(page.getByTestId('last-scan')).toHaveAttribute('data-scan-seq', '0');
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(current(page)).toContainText('设备');
  });

  test('a receipt scanned on the simulated scanner (Devices → 模拟扫描) is routed to Returns the same way', async ({
    page,
    host,
  }) => {
    const receipt = await demoReceipt(host);
    await openApp(page, host);
    await signIn(page, '1001', '1111');
    await openDevices(page);
    const box = page.getByTestId('simulate-scan');
    await box.locator('input[name="simulateCode"]').fill(receipt);
    await box.getByRole('button', { name: '模拟扫描' }).click();

    await expect(current(page)).toContainText('退货/换货');
    await expect(page.getByRole('main')).toContainText(receipt);
    await expect(lastScan(page)).toContainText(receipt);
    await expect(lastScan(page)).toContainText('模拟扫码枪');
    await expect(lastScan(page)).toHaveAttribute('data-scan-source', 'simulated');
  });

  test('a badge scan switches the clerk: keyboard wedge, and the simulated scanner', async ({
    page,
    host,
  }) => {
    await openApp(page, host);
    await signIn(page, '1001', '1111');
    await expect(lastScan(page)).toHaveText('等待扫码');
    await wedgeScan(page, 'CDB-D9001ZHANG');
    await expect(page.getByTestId('signed-in')).toContainText('张店长');
    await expect(lastScan(page)).toContainText('切换店员');

    await openDevices(page);
    const box = page.getByTestId('simulate-scan');
    await box.locator('input[name="simulateCode"]').fill('CDB-D2001CHEN');
    await box.getByRole('button', { name: '模拟扫描' }).click();
    await expect(page.getByTestId('signed-in')).toContainText('老陈');
    await expect(page.getByRole('status').filter({ hasText: '老陈' })).toBeVisible();
  });

  test('a repair job opens Repairs for a clerk (no bench) and a code nobody wants is explained', async ({
    page,
    host,
  }) => {
    await openApp(page, host);
    await signIn(page, '1001', '1111');
    await expect(lastScan(page)).toHaveText('等待扫码');
    await wedgeScan(page, 'J-20261118-0003');
    await expect(current(page)).toContainText('维修');
    await expect(page.getByRole('main')).toContainText('J-20261118-0003');
    await expect(lastScan(page)).toContainText('J-20261118-0003');
    await expect(lastScan(page)).toContainText('已打开维修');

    // Something no rule recognises: the raw code and the reason.
    await wedgeScan(page, '***!!***');
    await expect(
      page.getByRole('status').filter({ hasText: '无法识别的条码：***!!***（无法识别此条码）' }),
    ).toBeVisible();
    await expect(current(page)).toContainText('维修');
  });
});
