/**
 * The Devices screen against the demo store's simulated hardware: a manager test-prints on the
 * simulated receipt printer and sees the preview with the Chinese test text and what the printer
 * received; the print queue lists the job and reprints it; meters stream readings and answer a
 * test read; a manager adds, edits and removes a network printer; a clerk sees everything read
 * only. Screenshots in both languages go to test-results/screens/.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, nav, openApp, signIn, test } from './support/fixtures';

const SCREENS = 'test-results/screens';
// Browser-side snippets are strings: the test files are typechecked without the DOM library.
const FONTS_READY = 'document.fonts.ready.then(() => true)';
const SCROLL_MAIN_DOWN = `(() => { const m = document.querySelector('main'); m.scrollTop = m.scrollHeight; return m.scrollTop; })()`;
const SCROLL_MAIN_UP = `(() => { document.querySelector('main').scrollTop = 0; return 0; })()`;

async function openDevices(page: Page, heading = '设备'): Promise<void> {
  await nav(page).locator('[data-area="devices"]').click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeFocused();
}

/** The card of the configured device whose name contains `name`. */
function card(page: Page, name: string): Locator {
  return page.locator('section[data-device-id]').filter({ has: page.getByRole('heading', { name }) });
}

test.describe('devices screen', () => {
  test('a manager test-prints on the simulated printer and sees the preview with the Chinese test text', async ({
    page,
    host,
  }) => {
    await openApp(page, host);
    await signIn(page, '9001', '909090');
    await openDevices(page);
    const printer = card(page, '模拟小票打印机');
    await expect(printer).toHaveAttribute('data-device-kind', 'printer');
    await expect(printer.locator('[data-device-state]')).toHaveText('已连接');
    await expect(printer).toContainText('模拟设备（演示）');

    await printer.getByRole('button', { name: /测试打印/ }).click();

    const panel = page.getByTestId('test-print');
    await expect(panel.locator('[data-job-status]')).toHaveText('已打印');
    const preview = page.frameLocator('[data-testid="test-print"] iframe[data-testid="print-preview"]');
    await expect(preview.locator('body')).toContainText('打印测试页');
    await expect(preview.locator('body')).toContainText('中文：退换货');
    await expect(preview.locator('body')).toContainText('打印正常');
    await expect(preview.locator('[role="img"]').first()).toBeVisible();
    // The preview cannot run scripts or reach the page: a sandbox with no permissions.
    await expect(page.getByTestId('print-preview')).toHaveAttribute('sandbox', '');
    // The simulated printer's bytes decoded back to text: the same Chinese line came out on paper.
    await expect(page.getByTestId('simulated-paper')).toContainText('中文：退换货');

    // The print queue shows the job as printed; a reprint makes a new job that prints too.
    const queue = page.getByTestId('print-queue');
    const jobId = await panel.getAttribute('data-job-id');
    const row = queue.locator(`tr[data-job-id="${jobId}"]`);
    await expect(row).toContainText('打印测试页');
    await expect(row.locator('[data-job-status]')).toHaveText('已打印');
    await row.getByRole('button', { name: '重打' }).click();
    const reprint = queue.locator('tbody tr').first();
    await expect(reprint).toContainText(`重打自 #${jobId}`);
    await expect(reprint.locator('[data-job-status]')).toHaveText('已打印');
  });

  test('F9 test-prints on the receipt printer', async ({ page, host }) => {
    // Sign-in (scrypt) plus a real print through the queue: ~18 s alone, more when the machine is busy.
    test.slow();
    await openApp(page, host);
    await signIn(page, '1001', '1111');
    await openDevices(page);
    const printer = card(page, '模拟小票打印机');
    await expect(printer.locator('[data-device-state]')).toHaveText('已连接');
    // The screen is ready for F9 when its own test-print button is (devices loaded, nothing busy).
    await expect(printer.getByRole('button', { name: /测试打印/ })).toBeEnabled();
    await page.keyboard.press('F9');
    await expect(page.getByTestId('test-print').locator('[data-job-status]')).toHaveText('已打印');
    const preview = page.frameLocator('iframe[data-testid="print-preview"]');
    await expect(preview.locator('body')).toContainText('中文：退换货');
  });

  test('meters stream live readings and answer a test read', async ({ page, host }) => {
    await openApp(page, host);
    await signIn(page, '9001', '909090');
    await openDevices(page);
    // The simulated UT61E measures about 19.47 V DC (noise 2 mV).
    const ut61e = card(page, 'UT61E');
    await expect(ut61e.locator('[data-device-state]')).toHaveText('已连接');
    await expect(ut61e.getByTestId('live-reading')).toContainText(/19\.4\d+ ?V/);
    await expect(ut61e.getByTestId('live-reading')).toContainText('直流电压');
    await ut61e.getByRole('button', { name: '测试读数' }).click();
    await expect(ut61e.getByTestId('test-read-value')).toContainText(/19\.4\d+ ?V/);

    // The simulated SCPI meter measures about 12 V DC and tells who it is.
    const scpi = card(page, 'SCPI');
    await scpi.getByRole('button', { name: '测试读数' }).click();
    await expect(scpi.getByTestId('test-read-value')).toContainText(/1[12](\.\d+)? ?V/);
    await expect(scpi.getByTestId('test-read')).toContainText('仪表：');
  });

  test('a manager adds a network printer, sees it fail to connect, edits it and removes it', async ({
    page,
    host,
  }) => {
    await openApp(page, host);
    await signIn(page, '9001', '909090');
    await openDevices(page);
    await page.getByRole('button', { name: '添加设备' }).click();
    const dialog = page.getByRole('dialog', { name: '添加设备' });
    await dialog.getByRole('button', { name: '小票打印机' }).click();
    await dialog.locator('input[name="name"]').fill('后台打印机');
    await dialog.locator('input[name="role"]').fill('back-printer');
    await dialog.getByRole('button', { name: '网络 (TCP)' }).click();
    await dialog.locator('input[name="tcpHost"]').fill('127.0.0.1');
    await dialog.locator('input[name="tcpPort"]').fill('70000');
    await dialog.getByRole('button', { name: /保存/ }).click();
    await expect(dialog.getByText('端口应为 1 到 65535 之间的整数')).toBeVisible();
    // Port 1 (tcpmux): only root could listen there, so the printer is refused at once.
    await dialog.locator('input[name="tcpPort"]').fill('1');
    await page.keyboard.press('F9');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: '已保存设备“后台打印机”' })).toBeVisible();

    const added = card(page, '后台打印机');
    await expect(added).toContainText('网络 (TCP) 127.0.0.1:1');
    await expect(added).toContainText('用途 back-printer');
    await expect(added.locator('[data-device-state]')).toHaveText(/已断开|出错/);

    // The same role twice is refused by core, in words.
    await added.getByRole('button', { name: '修改' }).click();
    const edit = page.getByRole('dialog', { name: '修改设备' });
    await expect(edit.locator('input[name="tcpHost"]')).toHaveValue('127.0.0.1');
    await edit.locator('input[name="role"]').fill('receipt-printer');
    await edit.getByRole('button', { name: /保存/ }).click();
    await expect(edit.locator('[data-error-code="DEVICE_ROLE_TAKEN"]')).toContainText('receipt-printer');
    await edit.locator('input[name="role"]').fill('back-office-printer');
    await edit.getByRole('button', { name: /保存/ }).click();
    await expect(edit).toHaveCount(0);
    await expect(added).toContainText('用途 back-office-printer');

    await added.getByRole('button', { name: '删除' }).click();
    const confirm = page.getByRole('dialog', { name: '删除设备' });
    await expect(confirm).toContainText('后台打印机');
    await confirm.getByRole('button', { name: '删除' }).click();
    await expect(page.getByRole('status').filter({ hasText: '已删除设备“后台打印机”' })).toBeVisible();
    await expect(card(page, '后台打印机')).toHaveCount(0);
  });

  test('a clerk sees the devices read only, and may still test them', async ({ page, host }) => {
    await openApp(page, host);
    await signIn(page, '1001', '1111');
    await openDevices(page);
    await expect(page.getByTestId('devices-mode')).toHaveText('只读');
    await expect(page.getByText('只有店长可以添加、修改或删除设备')).toBeVisible();
    const cards = page.locator('section[data-device-id]');
    await expect(cards).toHaveCount(4);
    await expect(page.getByRole('button', { name: '添加设备' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: '修改' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: '删除' })).toHaveCount(0);
    await expect(card(page, '模拟小票打印机').getByRole('button', { name: /测试打印/ })).toBeEnabled();
    // Detected hardware is explained in words, never as a raw message key.
    const detected = page.getByTestId('detected-hardware');
    await expect(detected.getByTestId('detected-serial')).toBeVisible();
    await expect(detected).not.toContainText(/devices\.|errors\.|scanner\./);
  });

  test('screenshots of the Devices screen in zh-CN and en-US', async ({ page, host }) => {
    await openApp(page, host);
    await signIn(page, '9001', '909090');
    await openDevices(page);
    await expect(card(page, 'UT61E').getByTestId('live-reading')).toBeVisible();
    await card(page, '模拟小票打印机')
      .getByRole('button', { name: /测试打印/ })
      .click();
    await expect(page.getByTestId('simulated-paper')).toBeVisible();
    await page.evaluate(FONTS_READY);
    await page.screenshot({ path: `${SCREENS}/devices-zh-CN.png` });
    await card(page, 'SCPI').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENS}/devices-zh-CN-meters.png` });
    await page.evaluate(SCROLL_MAIN_DOWN);
    await page.screenshot({ path: `${SCREENS}/devices-zh-CN-bottom.png` });
    await page.evaluate(SCROLL_MAIN_UP);

    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Devices' })).toBeVisible();
    await expect(page.getByTestId('devices-mode')).toHaveText('Can manage');
    await page.evaluate(FONTS_READY);
    await page.screenshot({ path: `${SCREENS}/devices-en-US.png` });
    await page.evaluate(SCROLL_MAIN_DOWN);
    await page.screenshot({ path: `${SCREENS}/devices-en-US-bottom.png` });
    await page.getByRole('button', { name: 'Add device' }).click();
    await expect(page.getByRole('dialog', { name: 'Add device' })).toBeVisible();
    await page.screenshot({ path: `${SCREENS}/devices-add-en-US.png` });
  });
});
