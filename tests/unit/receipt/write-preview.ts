/**
 * Writes the sample refund slip's HTML preview (58 and 80 mm) for a look in a browser:
 *   npx tsx tests/unit/receipt/write-preview.ts /tmp
 *   /usr/bin/chromium --headless --no-sandbox --disable-gpu --screenshot=/tmp/receipt-58.png \
 *     --window-size=560,1900 file:///tmp/receipt-58.html
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderReceiptHtml } from '../../../shared/domain/receipt/render-html';
import { sampleRefundSlip } from './sample-refund-slip';

async function main(): Promise<void> {
  const dir = process.argv[2] ?? '/tmp';
  for (const paper of [58, 80] as const) {
    const file = join(dir, `receipt-${paper}.html`);
    writeFileSync(file, await renderReceiptHtml(sampleRefundSlip(paper)));
    console.log(file);
  }
}

void main();
