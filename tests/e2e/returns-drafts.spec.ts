/**
 * Nothing is lost: a half-done return is a draft that survives a reload and a clerk switch and is
 * resumed from the Returns home with everything typed; Esc goes back a step without losing it.
 */
import { DEMO_JOURNEY_SERIALS } from '../../core/demo/seed-demo-sales';
import { signIn } from './support/fixtures';
import { expect, journeyReceipts, ReturnsScreen, test } from './support/returns-page';

test.setTimeout(120_000);

test('a half-done return survives a reload and a clerk switch; Esc goes back without losing it', async ({
  page,
  host,
}) => {
  const receipt = journeyReceipts().returnWithReceipt;
  const r = new ReturnsScreen(page, 'zh-CN');
  await r.open(host);
  await r.typeReceipt(receipt);
  await r.expectStep('choose');
  await r.pick(1, 'performance_fault');
  await r.enter();
  await r.expectStep('check');
  const card = r.checkCard(1);
  await card.locator('[data-grade="A-defective"]').click();
  await r.answer(1, 'box', true);
  await r.answer(1, 'manual', false);
  await card.locator('input[name="serial-1"]').fill(DEMO_JOURNEY_SERIALS.speaker);
  await card.locator('textarea[name="notes-1"]').fill('有杂音');

  // Esc goes back one step and forward again: everything is still there.
  await page.keyboard.press('Escape');
  await r.expectStep('choose');
  await expect(page.locator('[data-line-reason="1"] [data-reason="performance_fault"]')).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await r.enter();
  await r.expectStep('check');
  await expect(card.locator('textarea[name="notes-1"]')).toHaveValue('有杂音');
  await expect(page.getByTestId('draft-status')).toHaveAttribute('data-up-to-date', 'true');

  // The window reloads (a crash, a restart): the connection is new and signed out.
  await page.reload();
  await expect(page.locator('input[name="staffCode"]')).toBeVisible();
  await signIn(page, '1002', '1212');
  const draft = page.getByTestId('drafts').locator('[data-draft-id]').filter({ hasText: receipt });
  await expect(draft).toContainText('小王');
  await r.shot('drafts-home');
  await draft.getByRole('button', { name: '继续办理' }).click();

  await r.expectStep('check');
  await expect(card.locator('[data-grade="A-defective"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(card.locator('[data-item="box"]')).toHaveAttribute('data-answer', 'yes');
  await expect(card.locator('[data-item="manual"]')).toHaveAttribute('data-answer', 'no');
  await expect(card.locator('input[name="serial-1"]')).toHaveValue(DEMO_JOURNEY_SERIALS.speaker);
  await expect(card.locator('textarea[name="notes-1"]')).toHaveValue('有杂音');
  // The other required checks are still open: the line is not complete yet.
  await expect(card.getByTestId('policy-panel')).toHaveAttribute('data-status', 'incomplete');
  await r.shot('drafts-resumed');
});
