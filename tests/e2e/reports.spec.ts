/**
 * Journey 8 (close of day), UI side, against a fresh demo database. Every number on the Reports
 * screen comes from core's reports service: the manager's headline figures and every printed
 * section are checked equal to the CSV core exports; drill-downs list as many records as the
 * figure says, with translated headers, store-local times, money and category names; KPIs by
 * technician and category open the records behind a count; print (REPRINT) and PDF; a clerk
 * does a return and finds it in "my shift". Screenshots in zh-CN and en-US go to test-results/screens/.
 */
import { expect, openApp, signIn, test } from './support/fixtures';
import {
  drillRows,
  exportDailyCsv,
  figure,
  figureText,
  openReports,
  parseCsv,
  screenRows,
} from './support/reports-page';
import { journeyReceipts, ReturnsScreen, test as freshTest } from './support/returns-page';

const SCREENS = 'test-results/screens';
const FONTS_READY = 'document.fonts.ready.then(() => true)';
const STORE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;

test.describe('reports screen', () => {
  test('a manager sees today from core: every figure on screen equals the exported CSV; drill-downs list the records', async ({
    page,
    host,
  }) => {
    await openApp(page, host);
    await signIn(page, '9001', '909090');
    await openReports(page);
    await expect(page.getByRole('tab')).toHaveText(['日报', '服务指标', '我的班次']);
    await expect(page.getByTestId('daily-summary')).toBeVisible();

    // The sections the printout has are on the screen too.
    const rows = await screenRows(page);
    const ids = rows.map((r) => r.id);
    for (const id of [
      'repairs.pickedUp',
      'repairs.avgTurnaround',
      'repairs.partsCost',
      'repairs.deposits',
      'repairs.balances',
      'drawer.cashIn',
      'drawer.cashOut',
      'drawer.cashNet',
    ])
      expect(ids).toContain(id);
    for (const section of ['reason', 'category', 'disposition'])
      await expect(page.locator(`[data-summary-section="${section}"]`)).toBeVisible();

    // Core's CSV: the same label and value for every row on the screen, and for the headline tiles.
    const file = await exportDailyCsv(page, '导出日报 CSV');
    expect(file.name).toMatch(/^counterdesk-daily-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = parseCsv(file.text);
    expect(csv[1]).toEqual(['项目', '类别', '数值', 'raw']);
    const csvValue = (section: string, label: string) =>
      csv.find((l) => l[0] === section && l[1] === label)?.[2];
    const sectionTitle = async (id: string) =>
      (await page.locator(`[data-summary-section="${id}"] h3`).innerText()).trim();
    for (const r of rows) {
      const section = await sectionTitle(r.id.split('.')[0] ?? '');
      expect({ id: r.id, value: csvValue(section, r.label) }).toEqual({ id: r.id, value: r.value });
    }
    const open = await figureText(page, 'repairsOpen');
    const overdue = await figureText(page, 'repairsOverdue');
    expect(csvValue('维修', '日终未完成')).toBe(open);
    expect(csvValue('维修', '日终已超期')).toBe(overdue);
    expect(csvValue('退换货', '退款合计')).toBe(await figureText(page, 'refundTotal'));
    // The demo has open jobs; the kettle waiting for a part is overdue.
    expect(Number(open)).toBeGreaterThan(0);
    expect(Number(overdue)).toBeGreaterThanOrEqual(1);
    // The demo's simulated bench meter is past its calibration date.
    await expect(page.locator('[data-summary-row="tests.pastCalibration"]')).toContainText('SIM-DMM-1');
    await expect(page.getByTestId('chart-repairs').locator('svg').first()).toBeVisible();

    // Drill down: exactly as many records as the figure; translated title and headers, store-local
    // times, category names (never raw epoch ms, SQL aliases or codes).
    await figure(page, 'repairsOverdue').click();
    const grid = page.getByTestId('drill-down');
    await expect(grid).toContainText(`明细：日终已超期（${overdue} 条）`);
    await expect(drillRows(page)).toHaveCount(Number(overdue));
    await expect(grid.locator('.MuiDataGrid-columnHeaders')).toContainText('创建时间');
    await expect(grid.locator('.MuiDataGrid-columnHeaders')).not.toContainText('createdAt');
    await expect(drillRows(page).first().locator('[data-field="createdAt"]')).toHaveText(STORE_TIME);
    await expect(drillRows(page).first().locator('[data-field="category"]')).not.toHaveText(/^[a-z_]+$/);
    await expect(grid.getByRole('gridcell', { name: '小家电' }).first()).toBeVisible();
    await figure(page, 'repairsOpen').click();
    await expect(drillRows(page)).toHaveCount(Number(open));
    await page.evaluate(FONTS_READY);
    await page.screenshot({ path: `${SCREENS}/reports-zh-CN.png`, fullPage: true });
  });

  test('KPIs by technician and category with definitions on hover; a count opens the records behind it', async ({
    page,
    host,
  }) => {
    await openApp(page, host);
    await signIn(page, '9001', '909090');
    await openReports(page);
    await page.getByRole('tab', { name: '服务指标' }).click();
    const tiles = page.getByTestId('service-kpis');
    await expect(tiles.locator('[data-kpi="jobsReceived"] [data-kpi-value]')).toHaveText(/^[1-9]\d*$/);
    await expect(tiles.locator('[data-kpi="turnaroundHours"] [data-kpi-value]')).toHaveText(
      /^(\d+(\.\d)?|—)$/,
    );
    await expect(page.locator('[data-kpi="overdueRate"]')).toHaveCount(0);
    await tiles.getByRole('button', { name: '一次修复率的定义' }).hover();
    await expect(page.getByRole('tooltip')).toContainText('没有被质检退回维修');
    await page.getByRole('button', { name: '按技术员：工作量与效率的定义' }).hover();
    await expect(page.getByRole('tooltip', { name: /期末仍未完成/ })).toBeVisible();

    // 老陈 has the demo's open jobs; his "open at the end" count lists exactly those jobs.
    const techs = page.getByTestId('kpi-technicians');
    const openBtn = techs.locator('[data-drill^="technicianOpen:"]').first();
    const n = Number((await openBtn.innerText()).trim());
    expect(n).toBeGreaterThan(0);
    await openBtn.click();
    await expect(page.getByTestId('drill-down')).toContainText(`技术员期末未完成 · 老陈（${n} 条）`);
    await expect(drillRows(page)).toHaveCount(n);
    await expect(drillRows(page).first().locator('[data-field="technician"]')).toHaveText('老陈');

    // Categories by name; their received count lists the jobs of that category.
    const cats = page.getByTestId('chart-kpi-category');
    await expect(cats.locator('.MuiDataGrid-row').first()).not.toContainText('small_appliance');
    const received = cats.locator('[data-drill="categoryReceived:laptop"]');
    const laptops = Number((await received.innerText()).trim());
    await received.click();
    await expect(drillRows(page)).toHaveCount(laptops);
    await expect(drillRows(page).first().locator('[data-field="category"]')).toHaveText('笔记本电脑');
    await expect(
      page.getByTestId('chart-trend').locator('svg path.MuiLineChart-line').first(),
    ).toBeAttached();
    await expect(page.getByTestId('kpi-return-rate')).toBeVisible();
    await expect(page.getByTestId('kpi-reasons')).toBeVisible();
    await page.evaluate(FONTS_READY);
    await page.screenshot({ path: `${SCREENS}/reports-kpi-zh-CN.png`, fullPage: true });
  });

  test('the day is printed on the receipt printer (REPRINT the second time) and exported as PDF', async ({
    page,
    host,
  }) => {
    await openApp(page, host);
    await signIn(page, '9001', '909090');
    await openReports(page);
    const actions = page.getByTestId('daily-actions');
    await expect(page.getByTestId('reconciliation')).not.toContainText('不一致');
    await actions.getByRole('button', { name: '在小票打印机打印' }).click();
    await expect(page.getByTestId('printed')).toHaveAttribute('data-reprint', 'no');
    await actions.getByRole('button', { name: '在小票打印机打印' }).click();
    await expect(page.getByTestId('printed')).toHaveAttribute('data-reprint', 'yes');
    await expect(page.getByTestId('printed')).toContainText('重印');
    await actions.getByRole('button', { name: /PDF/ }).click();
    await expect(page.getByTestId('report-file')).toHaveAttribute(
      'download',
      /^counterdesk-daily-\d{4}-\d{2}-\d{2}\.pdf$/,
    );
  });

  test('screenshots of Reports in en-US', async ({ page, host }) => {
    await openApp(page, host);
    await signIn(page, '9001', '909090');
    await openReports(page);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
    await expect(page.getByTestId('daily-sections')).toContainText('Open at close');
    await figure(page, 'repairsOpen').click();
    await expect(page.getByTestId('drill-down')).toContainText('Details: Open at close');
    await expect(page.getByTestId('drill-down').locator('.MuiDataGrid-columnHeaders')).toContainText(
      'Promised',
    );
    await page.evaluate(FONTS_READY);
    await page.screenshot({ path: `${SCREENS}/reports-en-US.png`, fullPage: true });
    await page.getByRole('tab', { name: 'Service KPIs' }).click();
    await expect(page.getByTestId('chart-trend')).toBeVisible();
    await page.screenshot({ path: `${SCREENS}/reports-kpi-en-US.png`, fullPage: true });
  });
});

freshTest(
  'a clerk returns the speaker and finds it in their own shift; nothing else of Reports',
  async ({ page, host }) => {
    const r = new ReturnsScreen(page, 'zh-CN');
    await r.open(host);
    await r.toConfirm(journeyReceipts().returnWithReceipt, [
      { lineNo: 1, reason: 'performance_fault', grade: 'A-defective' },
    ]);
    await expect(page.getByTestId('confirm-total')).toContainText('¥359.10');
    await page.keyboard.press('F9');
    await r.expectStep('done');

    await openReports(page);
    await expect(page.getByRole('tab')).toHaveText(['我的班次']);
    await expect(page.getByTestId('daily-summary')).toHaveCount(0);
    await expect(page.getByTestId('kpi-panel')).toHaveCount(0);
    const shift = page.getByTestId('my-shift');
    await expect(shift).toContainText('小王');
    const row = (id: string) => shift.locator(`[data-shift-row="${id}"] [data-value]`);
    await expect(row('returns.count')).toHaveText('1');
    await expect(row('returns.refundTotal')).toHaveText('¥359.10');
    await expect(row('returns.tender.wechat')).toHaveText('¥359.10');
    // WeChat Pay moves no cash: nothing left the drawer.
    await expect(row('drawer.cashOut')).toHaveText('¥0.00');
    await page.evaluate(FONTS_READY);
    await page.screenshot({ path: `${SCREENS}/reports-my-shift-zh-CN.png`, fullPage: true });
  },
);
