/**
 * History: a sale's returns with their state, a return's timeline and reprint (from the sale, or by
 * scanning the return slip's number); and "send to repair", which shows what repair intake will
 * start from and records nothing.
 */
import { DEMO_JOURNEY_SERIALS } from '../../core/demo/seed-demo-sales';
import { expect, journeyReceipts, ReturnsScreen, test } from './support/returns-page';

test.setTimeout(120_000);

test('a sale’s returns, a return’s timeline and reprint; a scanned return number opens it', async ({
  page,
  host,
}) => {
  const receipt = journeyReceipts().phoneCase;
  const r = new ReturnsScreen(page, 'zh-CN');
  await r.open(host);
  await r.toConfirm(receipt, [{ lineNo: 1, reason: 'no_reason', grade: 'A-new' }]);
  await page.keyboard.press('F9');
  await r.expectStep('done');
  const returnId = await r.returnId();
  await page.getByTestId('reprint').click();
  await expect(page.getByTestId('commit-result')).toContainText('已加入重印队列');

  // F2: a new return; the same receipt again shows what is left and the return just made.
  await page.keyboard.press('F2');
  await r.expectStep('find');
  await r.typeReceipt(receipt);
  await r.expectStep('choose');
  await expect(r.line(1)).toContainText('已全部退回');
  await expect(r.line(1).getByRole('checkbox')).toBeDisabled();
  const row = page.getByTestId('sale-returns').locator(`[data-return-id="${returnId}"]`);
  await expect(row).toContainText('已完成');
  await expect(row).toContainText('¥49.00');
  await expect(row).toContainText('小王');
  await row.getByRole('button', { name: '查看' }).click();

  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`退货单 ${returnId}`);
  const timeline = dialog.getByTestId('timeline');
  await expect(timeline.locator('[data-action="return.committed"]')).toContainText('办理退货');
  await expect(timeline.locator('[data-action="return.reprinted"]')).toContainText('重印小票');
  await expect(dialog.locator('[data-job]')).toHaveCount(2);
  await expect(dialog.frameLocator('[data-testid="slip-preview"]').locator('body')).toContainText(returnId);
  await r.shot('history-detail');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await r.expectStep('choose');

  // Back on the home screen, the return slip's QR scanned: the return opens.
  await page.keyboard.press('Escape');
  await r.expectStep('find');
  await r.scan(returnId);
  await expect(page.getByRole('dialog')).toContainText(`退货单 ${returnId}`);
});

test('send to repair: the prefill repair intake starts from, nothing recorded here', async ({
  page,
  host,
}) => {
  const r = new ReturnsScreen(page, 'en-US');
  await r.open(host);
  await r.typeReceipt(journeyReceipts().returnWithReceipt);
  await r.expectStep('choose');
  await r.pick(1, 'performance_fault');
  await r.enter();
  await r.expectStep('check');
  await r.inspectAllOk(1, 'A-defective');
  await r.checkCard(1).locator('textarea[name="notes-1"]').fill('crackles at high volume');
  // Enter in the notes is a new line; the touch button moves on.
  await page.getByTestId('step-next').click();
  await r.expectStep('resolve');
  await page.locator('[data-resolution="repair"]').click();
  const prefill = page.getByTestId('repair-prefill');
  await expect(prefill).toContainText(DEMO_JOURNEY_SERIALS.speaker);
  await expect(prefill).toContainText('free repair');
  await expect(prefill).toContainText('crackles at high volume');
  await expect(prefill).toContainText('nothing is recorded or refunded here');
  await expect(page.getByTestId('step-next')).toBeDisabled();
  await expect(page.getByTestId('step-status')).toContainText('Goes to repair intake');
  await r.shot('repair-prefill');
});
