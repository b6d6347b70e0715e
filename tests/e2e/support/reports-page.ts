/** Page model of the Reports screen: opening it, its figures, charts, drill-down grid and CSV export. */
import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';
import { nav } from './fixtures';

/** Opens Reports from the navigation and waits for the focused heading. */
export async function openReports(page: Page, heading = '报表'): Promise<void> {
  await nav(page).locator('[data-area="reports"]').click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeFocused();
}

/** The clickable figure tile `key` (received, completed, open, overdue). */
export function figure(page: Page, key: string): Locator {
  return page.locator(`[data-figure="${key}"]`);
}

/** The number shown on a figure tile. */
export async function figureValue(page: Page, key: string): Promise<number> {
  const text = await figure(page, key).locator('[data-figure-value]').innerText();
  return Number(text.trim());
}

/** The drill-down grid's data rows. */
export function drillRows(page: Page): Locator {
  return page.getByTestId('drill-down').locator('.MuiDataGrid-row');
}

/** Clicks export, then the resulting file link; returns the downloaded file's name and text. */
export async function exportCsv(page: Page, button: string): Promise<{ name: string; text: string }> {
  await page.getByRole('button', { name: button }).click();
  const link = page.getByTestId('export-file');
  await expect(link).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}
