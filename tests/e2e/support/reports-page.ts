/** Page model of the Reports screen: opening it, its figures, the printed sections, drill-down grid and core's CSV export. */
import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';
import { nav } from './fixtures';

/** Opens Reports from the navigation and waits for the focused heading. */
export async function openReports(page: Page, heading = '报表'): Promise<void> {
  await nav(page).locator('[data-area="reports"]').click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeFocused();
}

/** The clickable headline figure `key` (returns, repairsOpen, repairsOverdue, …). */
export function figure(page: Page, key: string): Locator {
  return page.locator(`[data-figure="${key}"]`);
}

/** The text shown on a headline figure. */
export async function figureText(page: Page, key: string): Promise<string> {
  return (await figure(page, key).locator('[data-figure-value]').innerText()).trim();
}

/** The drill-down grid's data rows. */
export function drillRows(page: Page): Locator {
  return page.getByTestId('drill-down').locator('.MuiDataGrid-row');
}

/** Every row of the on-screen sections (as printed): id, label and value. */
export async function screenRows(page: Page): Promise<{ id: string; label: string; value: string }[]> {
  const rows = page.getByTestId('daily-sections').locator('[data-summary-row]');
  await expect(rows.first()).toBeVisible();
  const out: { id: string; label: string; value: string }[] = [];
  for (const row of await rows.all())
    out.push({
      id: (await row.getAttribute('data-summary-row')) ?? '',
      label: (await row.locator('[data-label]').innerText()).trim(),
      value: (await row.locator('[data-value]').innerText()).trim(),
    });
  return out;
}

/** RFC 4180 CSV (quoted fields, CRLF) into rows of fields; a leading BOM is dropped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && s[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** Clicks core's CSV export, then the file link; returns the downloaded file's name and text. */
export async function exportDailyCsv(page: Page, button: string): Promise<{ name: string; text: string }> {
  await page.getByTestId('daily-actions').getByRole('button', { name: button }).click();
  const link = page.getByTestId('report-file');
  await expect(link).toHaveAttribute('download', /\.csv$/);
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}
