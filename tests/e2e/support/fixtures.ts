/**
 * Playwright fixtures: one real web host per worker (fresh demo database), and helpers that act
 * like a person at the counter (open the app, sign in with the keyboard, read the navigation).
 */
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { startWebHostProcess, type RunningHost } from './web-host-process';

export { expect };

export const test = base.extend<object, { host: RunningHost }>({
  host: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const host = await startWebHostProcess();
      await use(host);
      await host.stop();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
});

/** Opens the printed URL (with its token) and waits for the sign-in screen. */
export async function openApp(page: Page, host: RunningHost): Promise<void> {
  await page.goto(host.url);
  await expect(page.locator('input[name="staffCode"]')).toBeVisible();
}

/** Types a staff code and PIN with the physical keyboard and presses Enter. */
export async function signInWithKeyboard(page: Page, code: string, pin: string): Promise<void> {
  const codeField = page.locator('input[name="staffCode"]');
  await codeField.fill('');
  await codeField.focus();
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
  await expect(page.locator('input[name="pin"]')).toBeFocused();
  await page.keyboard.type(pin);
  await page.keyboard.press('Enter');
}

/** Signs in with the keyboard and waits until the shell shows who is signed in. */
export async function signIn(page: Page, code: string, pin: string): Promise<void> {
  await signInWithKeyboard(page, code, pin);
  await expect(page.getByTestId('signed-in')).toBeVisible();
}

/**
 * A keyboard-wedge scanner: the code arrives as one burst of keydowns a few ms apart, then Enter.
 * CDP keystrokes take 30–120 ms each on the build machine (measured), far slower than any
 * scanner, so the burst is dispatched inside the page, to the focused element like real keys.
 */
export async function scanWedge(page: Page, code: string): Promise<void> {
  await page.evaluate(`(() => {
    const target = document.activeElement ?? document.body;
    for (const key of [...${JSON.stringify(code)}, 'Enter']) {
      target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      target.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true }));
    }
  })()`);
}

/** The left navigation of the signed-in shell. */
export function nav(page: Page): Locator {
  return page.getByRole('navigation');
}

/** Names of the navigation items, in order. */
export async function navItems(page: Page): Promise<string[]> {
  const labels = nav(page).locator('[data-area] .MuiListItemText-primary');
  await expect(labels.first()).toBeVisible();
  return (await labels.allInnerTexts()).map((t) => t.trim());
}
