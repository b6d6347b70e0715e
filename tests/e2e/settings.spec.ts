/**
 * The Settings screen: a manager changes a store setting, backs up now, verifies the backup,
 * stages a restore (with its confirmation) and cancels it, and changes the backup schedule; a
 * wrong schedule is refused in words. A clerk does not see Settings at all.
 */
import { expect, nav, navItems, openApp, signIn, test } from './support/fixtures';

const SCREENS = 'test-results/screens';

test.describe('settings screen', () => {
  test('a manager backs up, verifies, stages and cancels a restore, and sets the schedule', async ({
    page,
    host,
  }) => {
    test.slow();
    await openApp(page, host);
    await signIn(page, '9001', '909090');
    await nav(page).locator('[data-area="settings"]').click();
    await expect(page.getByRole('heading', { level: 1, name: '设置' })).toBeFocused();

    // Store settings: the receipt width goes to 58 mm and stays after a reload of the form.
    await page.getByRole('button', { name: '58 毫米' }).click();
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect(page.getByText('已保存门店设置')).toBeVisible();

    // Back up now: a verified backup appears in the list as a manual one.
    await page.getByRole('button', { name: '立即备份' }).click();
    await expect(page.getByRole('status').filter({ hasText: '已备份并校验' })).toBeVisible();
    const row = page.locator('tr[data-backup$="-manual.sqlite"]').first();
    await expect(row).toContainText('手动');
    await row.getByRole('button', { name: '校验' }).click();
    await expect(page.getByRole('status').filter({ hasText: '审计链校验通过' })).toBeVisible();

    // Restore asks first, says the current data is kept, then stages it for the next start.
    await row.getByRole('button', { name: '恢复…' }).click();
    const dialog = page.getByRole('dialog', { name: '用这份备份恢复数据？' });
    await expect(dialog).toContainText('不会丢失');
    await page.screenshot({ path: `${SCREENS}/settings-restore-dialog-zh.png` });
    await dialog.getByRole('button', { name: '校验并安排恢复' }).click();
    await expect(dialog).toHaveCount(0);
    const pending = page.getByTestId('pending-restore');
    await expect(pending).toContainText('关闭并重新打开 CounterDesk');
    await expect(pending).toContainText('张店长');
    await page.screenshot({ path: `${SCREENS}/settings-backups-zh.png`, fullPage: true });
    await pending.getByRole('button', { name: '取消恢复' }).click();
    await expect(page.getByRole('status').filter({ hasText: '已取消恢复' })).toBeVisible();
    await expect(page.getByTestId('pending-restore')).toHaveCount(0);

    // Schedule: every 6 hours keeping 8; the next run is shown.
    await page.getByRole('combobox', { name: '自动备份' }).click();
    await page.getByRole('option', { name: '每隔几小时' }).click();
    await page.getByLabel('间隔小时数').fill('6');
    await page.getByLabel('保留份数').fill('8');
    await page.getByRole('button', { name: '保存计划' }).click();
    await expect(page.getByRole('status').filter({ hasText: '已保存自动备份计划' })).toBeVisible();
    await expect(page.getByText(/下次自动备份：\d{4}-\d{2}-\d{2} \d{2}:\d{2}/)).toBeVisible();
    // 0 hours is refused by core with a message, and the schedule stays as it was.
    await page.getByLabel('间隔小时数').fill('0');
    await page.getByRole('button', { name: '保存计划' }).click();
    await expect(page.locator('[data-error-code="INVALID_INPUT"]')).toBeVisible();
  });

  test('a clerk has no Settings in the navigation', async ({ page, host }) => {
    await openApp(page, host);
    await signIn(page, '1001', '1111');
    expect(await navItems(page)).not.toContain('设置');
  });
});
