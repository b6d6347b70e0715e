/**
 * Journeys 6 and 7 end to end on the demo store: 老陈 starts the repair of the laptop charger job,
 * books the DC jack, runs the laptop charger test plan on the Bench with the simulated UT61E — the
 * 19.47 V reading is captured by itself and PASSes; a 0.35 V ripple FAILs in red, the retest at
 * 0.05 V passes and both attempts are kept; continuity passes — and sends the job to QC. 小赵 (not
 * 老陈) passes QC. 小王 hands the laptop over: balance, the customer's signature, CSAT and NPS, and
 * the pickup slip with the test results. Hostile: 老陈 cannot QC his own repair; the DC readings still
 * streaming into the AC step are not judged and the screen says the meter is in the wrong function;
 * an overload is not judged and said in words.
 */
import type { Page } from '@playwright/test';
import { expect, nav, openApp, signIn, test } from './support/fixtures';
import { setMeter, techJob, ut61eId } from './support/bench-page';
import { openJob, openRepairs, sign, signOut } from './support/repairs-page';

const SCREENS = 'test-results/screens';

async function openBench(page: Page): Promise<void> {
  await nav(page).locator('[data-area="bench"]').click();
  await expect(page.getByRole('heading', { level: 1, name: '检测台' })).toBeVisible();
}

test.describe('repair bench, QC and pickup', () => {
  test('J6 + J7 zh-CN: meter-judged bench test → QC by another person → pickup with CSAT and NPS', async ({
    page,
    host,
  }) => {
    test.setTimeout(180_000);
    const meter = await ut61eId(host);
    const jobId = await techJob(host, 'diagnosing');
    await setMeter(host, meter, 'DCV', 19.47);

    // 老陈 starts the repair and books the DC jack.
    await openApp(page, host);
    await signIn(page, '2001', '2222');
    await openRepairs(page);
    await openJob(page, jobId);
    await page.locator('[data-move-to="repairing"]').click();
    await expect(page.getByTestId('job-status')).toHaveAttribute('data-status', 'repairing');
    // The picker shows each part's stock and flags low stock (the kettle fuse is out of stock).
    await page.getByRole('combobox', { name: '配件' }).click();
    const fuse = page.locator('[data-part-option="SA-FUSE-TH"]');
    await expect(fuse).toHaveAttribute('data-low', 'yes');
    await expect(fuse.getByTestId('low-stock-badge')).toHaveText('库存低');
    await expect(page.locator('[data-part-option="LT-DCJACK-01"]')).toHaveAttribute('data-low', 'no');
    await page.getByRole('option', { name: /DC 电源接口/ }).click();
    await page.getByRole('button', { name: '登记配件' }).click();
    await expect(page.locator('[data-part="LT-DCJACK-01"]')).toBeVisible();
    // What the part cost the store is not for the technician's eyes.
    await expect(page.getByTestId('job-detail')).not.toContainText('配件成本');

    // The Bench: the job, the UT61E, the plan. Step 1 captures 19.47 V by itself: PASS.
    await openBench(page);
    await page.locator(`tr[data-job-id="${jobId}"]`).click();
    await page.getByRole('button', { name: '进入测试' }).click();
    await expect(page.getByRole('status').filter({ hasText: '测试中' })).toBeVisible();
    const card = page.getByTestId('step-card');
    await expect(card).toHaveAttribute('data-step', '0');
    await expect(page.getByTestId('bench-live')).toContainText(/19\.4\d+ ?V/);
    await expect(page.locator('[data-step-state]').nth(0)).toHaveAttribute('data-step-state', 'pass', {
      timeout: 20_000,
    });

    // Step 2 wants AC: the meter is still on DC, so nothing is captured and the screen says why.
    const outcome = page.getByTestId('bench-outcome');
    await expect(outcome).toHaveAttribute('data-outcome', 'wrong_function');
    await expect(outcome).toContainText('万用表档位不对');
    await expect(outcome).toContainText('交流电压');
    await expect(page.locator('[data-step-state]').nth(1)).toHaveAttribute('data-step-state', 'active');
    await page.screenshot({ path: `${SCREENS}/bench-wrong-function-zh.png` });

    // Step 2 (ripple < 0.2 V AC): 0.35 V → FAIL in red, with the reading.
    await setMeter(host, meter, 'ACV', 0.35);
    await expect(page.locator('[data-step-state]').nth(1)).toHaveAttribute('data-step-state', 'fail', {
      timeout: 20_000,
    });
    await page.locator('[data-step-state]').nth(1).click();
    await expect(page.getByTestId('step-verdict')).toHaveAttribute('data-verdict', 'fail');
    await expect(page.getByTestId('step-verdict')).toContainText('高于上限');
    await page.screenshot({ path: `${SCREENS}/bench-fail-zh.png` });
    // Retest at 0.05 V: PASS, and both attempts are kept.
    await setMeter(host, meter, 'ACV', 0.05);
    await page.getByRole('button', { name: '重测此步' }).click();
    await expect(page.locator('[data-step-state]').nth(1)).toHaveAttribute('data-step-state', 'pass', {
      timeout: 20_000,
    });

    // Step 3 (continuity ≤ 2 Ω): an overload first is not judged; then 0.4 Ω passes.
    await setMeter(host, meter, 'CONT', 0, true);
    await expect(page.getByTestId('bench-live')).toContainText('OL');
    await expect(outcome).toContainText('超量程');
    await expect(page.locator('[data-step-state]').nth(2)).toHaveAttribute('data-step-state', 'active');
    await setMeter(host, meter, 'CONT', 0.4);
    await expect(page.getByTestId('run-verdict')).toContainText('全部合格', { timeout: 20_000 });
    await page.screenshot({ path: `${SCREENS}/bench-all-passed-zh.png` });
    await page.getByRole('button', { name: '送质检' }).click();
    await expect(page.getByRole('status').filter({ hasText: '质检中' })).toBeVisible();

    // 老陈 cannot QC his own repair: he is not offered QC at all (technicians lack repairs.qc).
    await openRepairs(page);
    await openJob(page, jobId);
    await expect(page.getByTestId('qc-panel')).toHaveCount(0);
    await expect(page.locator('[data-result]')).toHaveCount(4); // 3 steps, step 2 twice
    await signOut(page);

    // 小赵 passes QC → ready for pickup.
    await signIn(page, '3001', '3333');
    await openRepairs(page);
    await openJob(page, jobId);
    await page.getByTestId('qc-panel').getByRole('button', { name: '质检通过' }).click();
    await expect(page.getByTestId('job-status')).toHaveAttribute('data-status', 'ready');
    await signOut(page);

    // 小王 hands it over: 三包, nothing to pay; signature, 5 stars, 9 of 10; the pickup slip.
    await signIn(page, '1001', '1111');
    await openRepairs(page);
    await openJob(page, jobId);
    const pickup = page.getByTestId('pickup-panel');
    await expect(pickup.getByTestId('balance-due')).toBeVisible();
    await sign(page, pickup.getByTestId('signature-pad'));
    await pickup.locator('[data-csat="5"]').click();
    await pickup.locator('[data-nps="9"]').click();
    await pickup.getByRole('button', { name: '确认取机并打印' }).click();
    await expect(page.getByTestId('job-status')).toHaveAttribute('data-status', 'picked_up');
    await expect(page.getByRole('status').filter({ hasText: '维修保修至' })).toBeVisible();
    const slip = page.frameLocator('[data-testid="repair-slip-pickup"]');
    await expect(slip.locator('body')).toContainText('维修取机单');
    await expect(slip.locator('body')).toContainText(jobId);
    await expect(slip.locator('body')).toContainText('合格');
    await expect(slip.locator('body')).toContainText('小赵');
    await page.screenshot({ path: `${SCREENS}/repairs-pickup-zh.png` });
    await expect(page.getByTestId('job-detail')).not.toContainText('配件成本');
    await signOut(page);

    // The manager sees the parts' cost on the job screen: the DC jack cost the store ¥12.00.
    await signIn(page, '9001', '909090');
    await openRepairs(page);
    await openJob(page, jobId);
    await expect(page.getByRole('row', { name: /配件成本/ })).toContainText('12.00');
  });
});
