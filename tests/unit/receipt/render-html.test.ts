import { describe, expect, it } from 'vitest';
import { renderReceiptHtml } from '../../../shared/domain/receipt/render-html';
import { renderLines } from '../../../shared/domain/receipt/render-lines';
import { sampleRefundSlip } from './sample-refund-slip';

/** The visible text of each preview line, cells joined (what a person reads off the preview). */
function previewLines(html: string): string[] {
  const lines = html.match(/<div class="cdr-line[^"]*">.*?<\/div>/g) ?? [];
  return lines.map((line) =>
    (line.match(/<span class="cdr-c cdr-w[12]">(?:<i>)?(.*?)(?:<\/i>)?<\/span>/g) ?? [])
      .map((cell) => cell.replace(/<[^>]+>/g, ''))
      .join('')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'"),
  );
}

describe('HTML preview', () => {
  it('shows the same lines as the printer gets, one slip per cut', async () => {
    const doc = sampleRefundSlip(58);
    const html = await renderReceiptHtml(doc);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    const textLines = renderLines(doc).lines.filter((l) => l.kind === 'text');
    expect(previewLines(html)).toHaveLength(textLines.length);
    expect(previewLines(html)).toContain('JBL Flip 6 蓝牙     1   ￥399.00');
    expect(html.match(/class="cdr-paper cdr-p58"/g)).toHaveLength(2); // store copy + customer copy
    expect(previewLines(html).map((l) => l.trim())).toContain('*** 门店联 ***');
    expect(previewLines(html).map((l) => l.trim())).toContain('*** 顾客联 ***');
    expect(html).toContain('半切');
  });

  it('draws the QR code as inline SVG of the right symbol size (version 1 = 21 modules)', async () => {
    const html = await renderReceiptHtml({
      paper: 80,
      blocks: [{ kind: 'qr', data: 'R-20261123-0007', moduleSize: 6 }],
    });
    const svg = html.match(/<svg[^>]*viewBox="0 0 (\d+) (\d+)"[^>]*>/);
    expect(svg?.[1]).toBe('21');
    // 21 modules × 6 dots × 0.75 px per dot.
    expect(svg?.[0]).toContain('width="95"');
    expect(html).toContain('aria-label="二维码：R-20261123-0007"');
  });

  it('escapes text so content cannot inject markup, and loads nothing from outside', async () => {
    const html = await renderReceiptHtml({
      paper: 80,
      locale: 'en-US',
      blocks: [
        { kind: 'text', text: '<script>alert(1)</script> & "q" \'s' },
        { kind: 'qr', data: '"><img src=x onerror=alert(1)>' },
        { kind: 'barcode', symbology: 'code128', data: '<b>"x"</b>' },
      ],
    });
    expect(html).not.toMatch(/<script|<img|<b>/i);
    expect(previewLines(html)[0]).toBe('<script>alert(1)</script> & "q" \'s'.padEnd(48));
    expect(html).not.toMatch(/(src|href)=["']?(https?:|\/\/)/i);
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
  });

  it('can produce an embeddable fragment with its own styles', async () => {
    const html = await renderReceiptHtml(
      { paper: 58, blocks: [{ kind: 'text', text: 'hi' }] },
      { fragment: true },
    );
    expect(html.startsWith('<div class="cdr-embed"><style>')).toBe(true);
    expect(html).not.toContain('<html');
  });

  it('marks a drawer kick without printing it as a line', async () => {
    const html = await renderReceiptHtml({ paper: 58, locale: 'en-US', blocks: [{ kind: 'drawer-kick' }] });
    expect(html).toContain('<div class="cdr-mark">Cash drawer opens</div>');
    expect(previewLines(html)).toEqual([]);
  });
});
