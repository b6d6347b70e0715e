/**
 * A manager edits a category's test plan on the Bench screen: the phone plan's first tolerance
 * tightens, saving makes a new version that the contract now serves; a limit the core refuses
 * (a minimum added to a nominal ± tolerance step) is explained and nothing is saved. Technicians
 * see no editor.
 */
import { bridgeCalls } from './support/bridge-client';
import { expect, nav, openApp, signIn, test } from './support/fixtures';

interface Plan {
  categoryCode: string;
  version: number;
  steps: { limits: { min?: number; max?: number; nominal?: number; tolerancePct?: number } }[];
}

test.describe('bench test plans', () => {
  test('a manager changes the phone plan: a new version with the new limit; a bad limit is refused', async ({
    page,
    host,
  }) => {
    await openApp(page, host);
    await signIn(page, '9001', '909090');
    await nav(page).locator('[data-area="bench"]').click();
    await page.getByRole('tab', { name: '测试计划' }).click();
    const editor = page.getByTestId('plan-editor');
    await page.getByTestId('plan-select').locator('..').click();
    await page.getByRole('option', { name: /手机/ }).click();
    const step = editor.locator('[data-plan-step="0"]');
    const before = await bridgeCalls(host, [
      { method: 'auth.signIn', input: { code: '9001', pin: '909090' } },
      { method: 'bench.plans', input: { categoryCode: 'phone' } },
    ]);
    const v1 = (before[1] as Plan[])[0] as Plan;

    // Step 1 is "5 V ±5 %": adding a minimum as well mixes two forms of limit — refused in words.
    await step.locator('input[data-field="min"]').fill('4.5');
    await editor.getByRole('button', { name: '保存' }).click();
    await expect(editor.locator('[data-error-code]')).toBeVisible();

    // Tighten the tolerance to ±3 % instead: saved as a new version.
    await step.locator('input[data-field="min"]').fill('');
    await step.locator('input[data-field="tolerancePct"]').fill('3');
    await editor.getByRole('button', { name: '保存' }).click();
    await expect(page.getByRole('status').filter({ hasText: `第 ${v1.version + 1} 版` })).toBeVisible();
    const after = await bridgeCalls(host, [
      { method: 'auth.signIn', input: { code: '9001', pin: '909090' } },
      { method: 'bench.plans', input: { categoryCode: 'phone' } },
    ]);
    const v2 = (after[1] as Plan[])[0] as Plan;
    expect(v2.version).toBe(v1.version + 1);
    expect(v2.steps[0]?.limits).toEqual({ nominal: 5, tolerancePct: 3 });
  });

  test('a technician has no plan editor', async ({ page, host }) => {
    await openApp(page, host);
    await signIn(page, '2001', '2222');
    await nav(page).locator('[data-area="bench"]').click();
    await expect(page.getByRole('heading', { level: 1, name: '检测台' })).toBeVisible();
    await expect(page.getByRole('tab', { name: '测试计划' })).toHaveCount(0);
  });
});
