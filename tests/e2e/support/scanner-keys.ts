/**
 * Keyboard-wedge scanners for Playwright, as real trusted keystrokes: each key goes through
 * Chrome's input pipeline (CDP Input.dispatchKeyEvent, like page.keyboard) and is typed into the
 * focused field, but carries the hardware timestamp a scanner's keys would have (one key every
 * `gapMs`). KeyboardEvent.timeStamp is that timestamp, which is what the wedge detector reads.
 * Why not page.keyboard.type(code, { delay: 5 })? On this 2-core build machine its keys arrive
 * 9–191 ms apart (measured), so a "scanner" typed that way is a person half of the time.
 */
import type { Page } from '@playwright/test';

/** Quiet time before a burst, well above the wedge detector's largest in-scan gap (35 ms). */
const QUIET_BEFORE_SCAN_MS = 120;

/** Types `code` then Enter as a scanner burst: real keystrokes stamped `gapMs` apart (default 5 ms). */
export async function wedgeScan(page: Page, code: string, gapMs = 5): Promise<void> {
  // A scan never follows a person's last key within the detector's 35 ms gap: the clerk's hand goes
  // from the keyboard to the trigger. Without this pause, keys the test typed just before (e.g.
  // '6901' with page.keyboard.type) and the burst could read as one 17-digit scan when the
  // machine happens to be quick between the two.
  await page.waitForTimeout(QUIET_BEFORE_SCAN_MS);
  const cdp = await page.context().newCDPSession(page);
  try {
    let at = Date.now() / 1000;
    const step = gapMs / 1000;
    for (const ch of code) {
      await cdp.send('Input.dispatchKeyEvent', {
        type: 'keyDown',
        key: ch,
        text: ch,
        unmodifiedText: ch,
        timestamp: at,
      });
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: ch, timestamp: at + step / 2 });
      at += step;
    }
    const enter = { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, nativeVirtualKeyCode: 13 };
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...enter, text: '\r', timestamp: at });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...enter, timestamp: at + step / 2 });
  } finally {
    await cdp.detach();
  }
}

/** A person typing `text` with `delayMs` between keys (real time, page.keyboard), then Enter. */
export async function typeLikeAPerson(page: Page, text: string, delayMs = 120): Promise<void> {
  await page.keyboard.type(text, { delay: delayMs });
  await page.keyboard.press('Enter', { delay: delayMs });
}
