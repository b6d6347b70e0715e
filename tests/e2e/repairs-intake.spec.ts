/**
 * Journey 5, repair intake at the counter (clerk 小王): the laptop of journey 5's sale (serial
 * PF4XK2AB, bought on the demo store's 三包 sale, repaired once before for the same fault) is
 * registered: warranty and the repeat-repair rule shown from the serial, condition, accessories,
 * passcode policy, the customer's signature drawn with the mouse, terms; F9 registers; the intake
 * receipt and the shelf tag show the job number and its QR. Then the job is assigned.
 * The customer is the demo store's 刘洋: typing the phone finds him and fills in the name; the
 * serial is not typed but scanned with a keyboard-wedge burst while the focus is in another field,
 * and lands in the serial/IMEI field (which runs the warranty check by itself).
 * Hostile: registering without a signature is refused in words and nothing is created.
 */
import { signaturePng } from '../helpers/png';
import { DEMO_JOURNEY_CUSTOMERS, DEMO_JOURNEY_SERIALS } from '../../core/demo/seed-demo-sales';
import { bridgeCalls } from './support/bridge-client';
import { expect, openApp, signIn, test } from './support/fixtures';
import { openRepairs, sign } from './support/repairs-page';
import { wedgeScan } from './support/scanner-keys';

const SCREENS = 'test-results/screens';

/** The page's navigator as these tests use it (they compile without the DOM library). */
type PageNavigator = { navigator: { clipboard?: { readText(): Promise<string> } } };

test.describe('repair intake', () => {
  test('J5 zh-CN: laptop that does not charge → warranty and repeat rule → signed → receipt and tag with QR', async ({
    page,
    host,
  }) => {
    test.slow();
    await openApp(page, host);
    await signIn(page, '1001', '1111');
    await openRepairs(page);
    await page.getByRole('button', { name: '新接修' }).click();
    const form = page.getByTestId('intake-form');
    // The phone of an existing customer: found, the name filled in (and still editable).
    const customer = DEMO_JOURNEY_CUSTOMERS.laptop;
    await form.locator('input[name="phone"]').fill(customer.phone);
    await expect(page.getByTestId('customer-found')).toContainText(`老客户：${customer.name}`);
    await expect(form.locator('input[name="name"]')).toHaveValue(customer.name);
    await expect(form.locator('input[name="name"]')).toBeEditable();
    // A number nobody has (a landline): a new customer, and the name filled in for 刘洋 goes away.
    await form.locator('input[name="phone"]').fill('05718888888');
    await expect(page.getByTestId('customer-new')).toContainText('新客户');
    await expect(form.locator('input[name="name"]')).toHaveValue('');
    await form.locator('input[name="phone"]').fill(customer.phone);
    await expect(form.locator('input[name="name"]')).toHaveValue(customer.name);
    await form.locator('input[name="brand"]').fill('联想');
    await form.locator('input[name="model"]').fill('小新 Pro 14');
    await page.getByRole('combobox', { name: '故障' }).click();
    await page.getByRole('option', { name: '不能充电' }).click();
    await form.locator('input[name="faultText"]').fill('插上充电器不充电');
    // The serial is scanned, not typed: the focus is still in the fault description, yet the scan
    // goes to the serial/IMEI field (the only scan target here), and the description keeps its text.
    await expect(page.getByTestId('scan-target')).toContainText('序列号 / IMEI');
    await wedgeScan(page, DEMO_JOURNEY_SERIALS.laptop);
    await expect(form.locator('input[name="serial"]')).toHaveValue(DEMO_JOURNEY_SERIALS.laptop);
    await expect(form.locator('input[name="faultText"]')).toHaveValue('插上充电器不充电');
    await expect(page.getByTestId('last-scan')).toHaveAttribute('data-scan-kind', 'serial');
    const note = page.getByTestId('warranty-note');
    await expect(note.locator('[data-warranty]')).not.toHaveAttribute('data-warranty', 'none');
    await expect(page.getByTestId('repeat-note')).toContainText('第 2 次');
    await page.getByRole('checkbox', { name: '充电器' }).check();
    // A photo of the scratch; a file that is not an image is refused in words and not added.
    const photo = page.getByTestId('photo-input');
    await photo.setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('not an image'),
    });
    await expect(page.getByRole('alert').filter({ hasText: 'notes.txt 不是 PNG' })).toBeVisible();
    await photo.setInputFiles({
      name: 'scratch.png',
      mimeType: 'image/png',
      buffer: signaturePng(320, 200, 11),
    });
    await expect(page.locator('[data-photo]')).toHaveCount(1);

    // Without the signature the intake is refused in words, and nothing is registered.
    await page.getByRole('checkbox', { name: /维修条款/ }).check();
    await page.keyboard.press('F9');
    await expect(page.getByRole('alert').filter({ hasText: '请客户在框内签字' })).toBeVisible();

    await sign(page, page.getByTestId('signature-pad'));
    await page.screenshot({ path: `${SCREENS}/repairs-intake-zh.png`, fullPage: true });
    await page.keyboard.press('F9');

    const detail = page.getByTestId('job-detail');
    await expect(detail).toBeVisible();
    const jobId = (await page.getByTestId('job-id').innerText()).trim();
    expect(jobId).toMatch(/^J-\d{8}-\d{4}$/);
    await expect(page.getByTestId('job-status')).toHaveAttribute('data-status', 'received');
    const receipt = page.frameLocator('[data-testid="repair-slip-intake"]');
    await expect(receipt.locator('body')).toContainText('维修接收单');
    await expect(receipt.locator('body')).toContainText(jobId);
    await expect(receipt.locator('body')).toContainText('充电器');
    await expect(receipt.locator('[role="img"]').first()).toBeVisible(); // the job's QR
    await page.screenshot({ path: `${SCREENS}/repairs-intake-done-zh.png`, fullPage: true });
    await page.locator('[data-slip="tag"]').click();
    const tag = page.frameLocator('[data-testid="repair-slip-tag"]');
    await expect(tag.locator('body')).toContainText(jobId);
    await expect(tag.locator('[role="img"]').first()).toBeVisible();

    // Assigned automatically on intake (skill + load): 老陈 repairs laptops.
    await expect(detail).toContainText('老陈');
    await expect(page.getByTestId('job-timeline').locator('[data-kind="intake"]')).toContainText('小王');
    const [, stored] = (await bridgeCalls(host, [
      { method: 'auth.signIn', input: { code: '9001', pin: '909090' } },
      { method: 'repairs.get', input: { jobId } },
    ])) as [unknown, { photoIds: number[]; signatureId: number | null; passcodeStored: boolean }];
    expect(stored.photoIds).toHaveLength(1);
    expect(stored.signatureId).not.toBeNull();
    expect(stored.passcodeStored).toBe(false); // the customer removed the lock

    // The "received" message goes out offline. Where the clipboard cannot be used, Copy says so in
    // words and marks nothing; with the clipboard, Copy puts the very text on it and says so.
    const message = page.locator('[data-notification]').first();
    await expect(message).toHaveAttribute('data-notification', 'queued');
    const text = (await message.locator('[data-message-text]').innerText()).trim();
    expect(text).toContain(jobId);
    await page.evaluate(() => {
      const nav = (globalThis as unknown as PageNavigator).navigator;
      Object.defineProperty(nav, 'clipboard', { value: undefined, configurable: true });
    });
    await message.locator('[data-mark="copied"]').click();
    await expect(page.getByTestId('notification-said')).toContainText('无法使用剪贴板');
    await expect(message).toHaveAttribute('data-notification', 'queued');
    await page.evaluate(() => {
      delete (globalThis as unknown as PageNavigator).navigator.clipboard;
    });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.origin });
    await message.locator('[data-mark="copied"]').click();
    await expect(page.getByTestId('notification-said')).toContainText('已复制到剪贴板');
    await expect(message).toHaveAttribute('data-notification', 'shown');
    const pasted = await page.evaluate(
      () => (globalThis as unknown as PageNavigator).navigator.clipboard?.readText() ?? '',
    );
    expect(pasted).toBe(text);
  });
});
