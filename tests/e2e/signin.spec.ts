/** Sign-in at the counter: code + PIN, keypad, wrong PINs and lockout, idle lock, badge scan, demo table. */
import { bridgeCalls } from './support/bridge-client';
import { expect, navItems, openApp, scanWedge, signIn, signInWithKeyboard, test } from './support/fixtures';

test.describe('sign-in', () => {
  test('a clerk signs in with code and PIN and sees Returns, Repairs and Reports (their own shift), not Settings', async ({
    page,
    host,
  }) => {
    await openApp(page, host);
    await signInWithKeyboard(page, '1001', '1111');
    await expect(page.getByTestId('signed-in')).toContainText('小王');
    await expect(page.getByTestId('signed-in')).toContainText('店员');
    const items = await navItems(page);
    expect(items).toContain('退货/换货');
    expect(items).toContain('维修');
    expect(items).toContain('报表');
    expect(items).not.toContain('设置');
  });

  test('the manager sees Reports and Settings', async ({ page, host }) => {
    await openApp(page, host);
    await signInWithKeyboard(page, '9001', '909090');
    await expect(page.getByTestId('signed-in')).toContainText('张店长');
    const items = await navItems(page);
    expect(items).toEqual(['退货/换货', '维修', '检测台', '报表', '设备', '设置']);
  });

  test('keyboard only: focus starts on the staff code, Enter moves to the PIN, Enter signs in', async ({
    page,
    host,
  }) => {
    await openApp(page, host);
    await expect(page.locator('input[name="staffCode"]')).toBeFocused();
    await page.keyboard.type('2001');
    await page.keyboard.press('Enter');
    await expect(page.locator('input[name="pin"]')).toBeFocused();
    await page.keyboard.type('2222');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('signed-in')).toContainText('老陈');
    expect(await navItems(page)).toEqual(['维修', '检测台', '报表', '设备']);
  });

  test('touch: the on-screen keypad types the PIN', async ({ page, host }) => {
    await openApp(page, host);
    await page.getByRole('row', { name: /3001/ }).click();
    await expect(page.locator('input[name="staffCode"]')).toHaveValue('3001');
    const keypad = page.getByRole('group', { name: '数字键盘' });
    for (const d of ['3', '3', '3', '9']) await keypad.locator(`[data-key="${d}"]`).click();
    await keypad.locator('[data-key="back"]').click();
    await keypad.locator('[data-key="3"]').click();
    await expect(page.locator('input[name="pin"]')).toHaveValue('3333');
    await page.getByRole('button', { name: /^登录/ }).click();
    await expect(page.getByTestId('signed-in')).toContainText('小赵');
  });

  test('a wrong PIN clears the PIN and says neither the attempts left nor which field was wrong', async ({
    page,
    host,
  }) => {
    await openApp(page, host);
    await signInWithKeyboard(page, '2001', '0000');
    await expect(page.getByRole('alert')).toHaveText('员工号或 PIN 码不正确。');
    await expect(page.locator('input[name="pin"]')).toHaveValue('');
    await expect(page.locator('input[name="pin"]')).toBeFocused();
  });

  test('an unknown staff code gets the same answer as a wrong PIN (no staff-code probing)', async ({
    page,
    host,
  }) => {
    await openApp(page, host);
    await signInWithKeyboard(page, '4242', '1234');
    await expect(page.getByRole('alert')).toHaveText('员工号或 PIN 码不正确。');
  });

  test('five wrong PINs lock the account for the configured minutes; the right PIN is then refused too', async ({
    page,
    host,
  }) => {
    await openApp(page, host);
    const alert = page.getByRole('alert');
    for (let i = 0; i < 4; i++) {
      await signInWithKeyboard(page, '1002', '0000');
      await expect(alert).toHaveText('员工号或 PIN 码不正确。');
    }
    await signInWithKeyboard(page, '1002', '0000');
    await expect(alert).toHaveText('PIN 码错误次数过多，账号已锁定，请 5 分钟后再试。');
    await signInWithKeyboard(page, '1002', '1212');
    await expect(alert).toHaveText('PIN 码错误次数过多，账号已锁定，请 5 分钟后再试。');
    await expect(page.getByTestId('signed-in')).toHaveCount(0);
  });

  test('idle lock: after the set minutes without input the screen asks the same PIN again and keeps the half-done screen', async ({
    page,
    host,
  }) => {
    await bridgeCalls(host, [
      { method: 'auth.signIn', input: { code: '9001', pin: '909090' } },
      { method: 'settings.update', input: { idleLockMinutes: 1 } },
    ]);
    try {
      await page.clock.install();
      await openApp(page, host);
      await signIn(page, '1001', '1111');
      const receipt = page.locator('input[name="receiptNo"]');
      await receipt.fill('R-2026');
      await page.clock.fastForward(30_000);
      await expect(page.getByTestId('idle-lock')).toHaveCount(0);
      await page.clock.fastForward(40_000);
      const lock = page.getByTestId('idle-lock');
      await expect(lock).toBeVisible();
      await expect(lock).toContainText('小王');
      await lock.locator('input[name="idlePin"]').fill('0000');
      await lock.getByRole('button', { name: '解锁' }).click();
      await expect(lock.getByRole('alert')).toHaveText('员工号或 PIN 码不正确。');
      await lock.locator('input[name="idlePin"]').fill('1111');
      await lock.getByRole('button', { name: '解锁' }).click();
      await expect(page.getByTestId('idle-lock')).toHaveCount(0);
      await expect(page.getByTestId('signed-in')).toContainText('小王');
      await expect(receipt).toHaveValue('R-2026');
    } finally {
      await bridgeCalls(host, [
        { method: 'auth.signIn', input: { code: '9001', pin: '909090' } },
        { method: 'settings.update', input: { idleLockMinutes: 10 } },
      ]);
    }
  });

  test('a badge scanned anywhere on the screen signs in', async ({ page, host }) => {
    await openApp(page, host);
    await scanWedge(page, 'CDB-D9001ZHANG');
    await expect(page.getByTestId('signed-in')).toContainText('张店长');
  });

  test('the demo accounts are listed from app.info', async ({ page, host }) => {
    await openApp(page, host);
    const table = page.getByTestId('demo-pins');
    await expect(table.getByRole('row')).toHaveCount(7);
    await expect(table.getByRole('row', { name: /1001/ })).toContainText('小王');
    await expect(table.getByRole('row', { name: /1001/ })).toContainText('1111');
    await expect(table.getByRole('row', { name: /9001/ })).toContainText('店长');
  });
});
