/** Helpers that act like a person on the Repairs screens: open the area, draw a signature, open a job. */
import type { Locator, Page } from '@playwright/test';
import { expect, nav } from './fixtures';

/** Opens Repairs from the navigation and waits for its heading. */
export async function openRepairs(page: Page, heading = '维修'): Promise<void> {
  await nav(page).locator('[data-area="repairs"]').click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

/** The few DOM members used inside the page (the tests compile without the DOM library). */
interface PadInPage {
  scrollIntoView(options: { block: 'center' }): void;
  getBoundingClientRect(): { left: number; top: number; height: number };
  ownerDocument: { elementFromPoint(x: number, y: number): unknown };
}

/** Draws a short zig-zag on a signature pad with the mouse, like a customer signing. */
export async function sign(page: Page, pad: Locator): Promise<void> {
  // Centre it: at the very bottom of the view the shell's fixed function-key bar would take the pen.
  await pad.evaluate((el) => (el as unknown as PadInPage).scrollIntoView({ block: 'center' }));
  // A menu that was just closed (Paid by…) fades out for a moment and still takes the pen, and the
  // page may still be settling: a person waits until the pad is what lies under the finger, and so
  // does this (measuring the pad again each time).
  await expect
    .poll(() =>
      pad.evaluate((node) => {
        const el = node as unknown as PadInPage;
        const r = el.getBoundingClientRect();
        return el.ownerDocument.elementFromPoint(r.left + 30, r.top + r.height / 2) === el;
      }),
    )
    .toBe(true);
  const box = await pad.boundingBox();
  if (!box) throw new Error('signature pad not visible');
  await page.mouse.move(box.x + 30, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) {
    await page.mouse.move(box.x + 30 + i * 40, box.y + (i % 2 ? 40 : box.height - 40), { steps: 3 });
  }
  await page.mouse.up();
  await expect(pad).toHaveAttribute('data-signed', 'yes');
}

/** Searches the queue for a job number (or phone / serial) and waits for the job screen. */
export async function openJob(page: Page, query: string): Promise<void> {
  await page.getByTestId('repair-search').fill(query);
  await page.getByTestId('repair-search').press('Enter');
  await expect(page.getByTestId('job-detail')).toBeVisible();
}

/** Signs out through the top bar and waits for the sign-in screen. */
export async function signOut(page: Page, label = '退出登录'): Promise<void> {
  await page.getByRole('button', { name: label }).click();
  await expect(page.locator('input[name="staffCode"]')).toBeVisible();
}
