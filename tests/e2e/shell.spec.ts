/** The signed-in shell: language switch, function keys, quick switch, and the bridge's token check. */
import WebSocket from 'ws';
import { expect, nav, navItems, openApp, scanWedge, signIn, test } from './support/fixtures';

test.describe('shell', () => {
  test('switching 中文 ↔ English changes the navigation at once and is remembered', async ({
    page,
    host,
  }) => {
    await openApp(page, host);
    await signIn(page, '1001', '1111');
    expect(await navItems(page)).toEqual(['退货/换货', '维修', '报表', '设备']);
    await page.getByRole('button', { name: 'English' }).click();
    expect(await navItems(page)).toEqual(['Returns', 'Repairs', 'Reports', 'Devices']);
    await expect(page.getByTestId('signed-in')).toContainText('Clerk');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');
    // A reload opens a new connection (signed out); the language choice stays.
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Staff sign-in' })).toBeVisible();
    await signIn(page, '1001', '1111');
    expect(await navItems(page)).toEqual(['Returns', 'Repairs', 'Reports', 'Devices']);
    await page.getByRole('button', { name: '中文' }).click();
    expect(await navItems(page)).toEqual(['退货/换货', '维修', '报表', '设备']);
  });

  test('function keys open areas, Esc goes back, keys a role may not use are explained', async ({
    page,
    host,
  }) => {
    await openApp(page, host);
    await signIn(page, '1001', '1111');
    const current = nav(page).locator('[aria-current="page"]');
    await expect(current).toContainText('退货/换货');
    await page.keyboard.press('F3');
    await expect(current).toContainText('维修');
    await expect(page.getByRole('heading', { level: 1, name: '维修' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(current).toContainText('退货/换货');
    await page.keyboard.press('F3');
    await page.getByRole('button', { name: /^返回/ }).click();
    await expect(current).toContainText('退货/换货');
    await page.keyboard.press('F9');
    await expect(page.getByRole('status').filter({ hasText: 'F9 用于提交并打印当前单据' })).toBeVisible();
    await page.keyboard.press('F4');
    await expect(page.getByRole('status').filter({ hasText: '您的角色无权使用“检测台”。' })).toBeVisible();
    await expect(current).toContainText('退货/换货');
  });

  test('F1 shows the keys; Esc closes help without leaving the screen', async ({ page, host }) => {
    await openApp(page, host);
    await signIn(page, '9001', '909090');
    await page.keyboard.press('F3');
    await page.keyboard.press('F1');
    const help = page.getByRole('dialog', { name: '键盘快捷键' });
    await expect(help).toContainText('经理授权');
    await expect(help).toContainText('切换店员');
    await page.keyboard.press('Escape');
    await expect(help).toHaveCount(0);
    await expect(nav(page).locator('[aria-current="page"]')).toContainText('维修');
  });

  test('F12 quick switch: pick the manager, enter her PIN, the shell becomes hers', async ({
    page,
    host,
  }) => {
    await openApp(page, host);
    await signIn(page, '1001', '1111');
    await page.keyboard.press('F12');
    const dialog = page.getByRole('dialog', { name: '切换店员' });
    await dialog.locator('[data-staff-code="9001"]').click();
    await expect(dialog.locator('input[name="switchPin"]')).toBeFocused();
    // Typed as a person types: six digits at machine speed are a keyboard-wedge scan by design.
    await page.keyboard.type('909090', { delay: 120 });
    await page.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('signed-in')).toContainText('张店长');
    expect(await navItems(page)).toContain('设置');
  });

  test('a badge scan in the shell switches clerk', async ({ page, host }) => {
    await openApp(page, host);
    await signIn(page, '1001', '1111');
    await scanWedge(page, 'CDB-D2001CHEN');
    await expect(page.getByTestId('signed-in')).toContainText('老陈');
    expect(await navItems(page)).toEqual(['维修', '检测台', '报表', '设备']);
  });

  test('sign out returns to the sign-in screen', async ({ page, host }) => {
    await openApp(page, host);
    await signIn(page, '1001', '1111');
    await page.getByRole('button', { name: '退出登录' }).click();
    await expect(page.locator('input[name="staffCode"]')).toBeFocused();
  });

  test('the token leaves the visible URL after the first load', async ({ page, host }) => {
    await openApp(page, host);
    expect(page.url()).not.toContain('token');
  });
});

test.describe('bridge', () => {
  /** Opens a WebSocket from Node and reports whether the host accepted it. */
  function tryConnect(url: string, origin?: string): Promise<'open' | number> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, origin ? { origin } : {});
      ws.once('open', () => {
        ws.close();
        resolve('open');
      });
      ws.once('unexpected-response', (_req, res) => {
        resolve(res.statusCode ?? 0);
        ws.terminate();
      });
      ws.once('error', (e) => reject(e));
    });
  }

  test('a page opened without the token says how to get in instead of hanging', async ({ page, host }) => {
    await page.goto(`${host.origin}/`);
    await expect(page.getByRole('status').filter({ hasText: '此页面缺少访问令牌' })).toBeVisible();
    await expect(page.locator('input[name="staffCode"]')).toHaveCount(0);
  });

  test('refuses a WebSocket without the token, or with a wrong one, and accepts the right one', async ({
    host,
  }) => {
    const base = `ws://127.0.0.1:${host.port}/bridge`;
    expect(await tryConnect(base)).toBe(401);
    expect(await tryConnect(`${base}?token=`)).toBe(401);
    expect(await tryConnect(`${base}?token=${host.token.slice(0, -1)}x`)).toBe(401);
    expect(await tryConnect(`${base}?token=${host.token}`, 'http://evil.example')).toBe(401);
    expect(await tryConnect(`${base}?token=${host.token}`)).toBe('open');
  });
});
