/**
 * Journey 8 (close of day), UI side, against a fresh demo database: the manager opens Reports,
 * sees today's summary and its chart, drills down from a figure into the records behind it, exports
 * the CSV (same numbers as the screen), looks at the KPIs with their definitions and charts; a clerk
 * sees only "my shift". Screenshots in zh-CN and en-US go to test-results/screens/.
 */
import { expect, openApp, signIn, test } from './support/fixtures';
import { drillRows, exportCsv, figure, figureValue, openReports } from './support/reports-page';

const SCREENS = 'test-results/screens';
const FONTS_READY = 'document.fonts.ready.then(() => true)';

test.describe('reports screen', () => {
  test('a manager sees today, drills into the open jobs and exports the same numbers as CSV', async ({
    page,
    host,
  }) => {
    await openApp(page, host);
    await signIn(page, '9001', '9090');
    await openReports(page);
    await expect(page.getByRole('tab')).toHaveText(['日报', '服务指标', '我的班次']);
    const daily = page.getByTestId('daily-summary');
    await expect(daily).toBeVisible();

    // The demo has open jobs, one of them (the kettle waiting for a part) overdue.
    const open = await figureValue(page, 'open');
    const overdue = await figureValue(page, 'overdue');
    expect(open).toBeGreaterThan(0);
    expect(overdue).toBeGreaterThanOrEqual(1);
    // The by-category chart is an SVG with bars.
    await expect(page.getByTestId('chart-by-category').locator('svg').first()).toBeVisible();
    // The demo's simulated bench meter is past its calibration date.
    await expect(page.getByTestId('calibration-due')).toContainText('SIM-DMM-1');

    // Drill down: the overdue figure lists exactly its jobs, each marked overdue.
    await figure(page, 'overdue').click();
    await expect(page.getByTestId('drill-down')).toContainText(`已超期（${overdue} 单）`);
    await expect(drillRows(page)).toHaveCount(overdue);
    await expect(drillRows(page).first()).toContainText('是');
    await figure(page, 'open').click();
    await expect(drillRows(page)).toHaveCount(open);

    // CSV: the header and the figures as on the screen.
    const file = await exportCsv(page, '导出 CSV');
    expect(file.name).toMatch(/^counterdesk-daily-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = file.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('section,item,value');
    expect(lines).toContain(`repairs,未完成,${open}`);
    expect(lines).toContain(`repairs,已超期,${overdue}`);
  });

  test('KPIs for a range: definitions on hover, a trend line and breakdown bars, drill-down', async ({
    page,
    host,
  }) => {
    await openApp(page, host);
    await signIn(page, '9001', '9090');
    await openReports(page);
    await page.getByRole('tab', { name: '服务指标' }).click();
    const received = page.locator('[data-kpi="received"] [data-kpi-value]');
    await expect(received).toHaveText(/^[1-9]\d*$/);

    await page.getByRole('button', { name: '接修量的定义' }).hover();
    await expect(page.getByRole('tooltip')).toContainText('新建的维修单数量');

    await expect(
      page.getByTestId('chart-trend').locator('svg path.MuiLineChart-line').first(),
    ).toBeAttached();
    await expect(
      page.getByTestId('chart-kpi-category').locator('svg .MuiBarChart-element').first(),
    ).toBeAttached();
  });

  test('the day is printed on the receipt printer (REPRINT the second time) and exported as PDF; service KPIs explain themselves', async ({
    page,
    host,
  }) => {
    await openApp(page, host);
    await signIn(page, '9001', '9090');
    await openReports(page);
    const money = page.getByTestId('money-summary');
    await expect(money).toBeVisible();
    await expect(page.getByTestId('reconciliation')).not.toContainText('不一致');
    await money.getByRole('button', { name: '在小票打印机打印' }).click();
    await expect(page.getByTestId('printed')).toHaveAttribute('data-reprint', 'no');
    await money.getByRole('button', { name: '在小票打印机打印' }).click();
    await expect(page.getByTestId('printed')).toHaveAttribute('data-reprint', 'yes');
    await expect(page.getByTestId('printed')).toContainText('重印');
    await money.getByRole('button', { name: /PDF/ }).click();
    const link = page.getByTestId('report-file');
    await expect(link).toHaveAttribute('download', /^counterdesk-daily-\d{4}-\d{2}-\d{2}\.pdf$/);
    await page.screenshot({ path: `${SCREENS}/reports-daily-money-zh.png`, fullPage: true });

    await page.getByRole('tab', { name: '服务指标' }).click();
    const tiles = page.getByTestId('service-kpis');
    await expect(tiles.locator('[data-service-kpi="turnaroundHours"] [data-kpi-value]')).toHaveText(
      /^(\d+(\.\d)?|—)$/,
    );
    await tiles.getByRole('button', { name: /一次修复率/ }).hover();
    await expect(page.getByRole('tooltip')).toContainText('没有被质检退回维修');
  });

  test('a clerk sees only their own shift', async ({ page, host }) => {
    await openApp(page, host);
    await signIn(page, '1001', '1111');
    await openReports(page);
    await expect(page.getByRole('tab')).toHaveText(['我的班次']);
    await expect(page.getByTestId('my-shift')).toBeVisible();
    await expect(page.getByTestId('daily-summary')).toHaveCount(0);
    await expect(page.getByTestId('kpi-panel')).toHaveCount(0);
    await expect(figure(page, 'received')).toBeVisible();
    await expect(figure(page, 'overdue')).toHaveCount(0);
  });

  test('screenshots of Reports in zh-CN and en-US', async ({ page, host }) => {
    await openApp(page, host);
    await signIn(page, '9001', '9090');
    await openReports(page);
    await figure(page, 'open').click();
    await expect(page.getByTestId('drill-down')).toBeVisible();
    await page.evaluate(FONTS_READY);
    await page.screenshot({ path: `${SCREENS}/reports-zh-CN.png`, fullPage: true });
    await page.getByRole('tab', { name: '服务指标' }).click();
    await expect(page.getByTestId('chart-trend')).toBeVisible();
    await page.screenshot({ path: `${SCREENS}/reports-kpi-zh-CN.png`, fullPage: true });
    await page.getByTestId('chart-kpi-category').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENS}/reports-kpi-zh-CN-charts.png` });

    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
    await page.getByRole('tab', { name: 'Daily summary' }).click();
    await expect(page.getByTestId('daily-summary')).toBeVisible();
    await page.evaluate(FONTS_READY);
    await page.screenshot({ path: `${SCREENS}/reports-en-US.png`, fullPage: true });
    await page.getByTestId('chart-by-category').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENS}/reports-en-US-chart.png` });
    await page.getByRole('tab', { name: 'Service KPIs' }).click();
    await expect(page.getByTestId('chart-trend')).toBeVisible();
    await page.screenshot({ path: `${SCREENS}/reports-kpi-en-US.png`, fullPage: true });
  });
});
