/**
 * The Returns screen as a clerk uses it, for the return journeys: a fresh demo store per test (a
 * journey consumes its sale), the journeys' receipt numbers, the steps driven with the keyboard and
 * the touch buttons, screenshots per step and locale, and a second bridge connection to check what
 * core recorded (returns.forSale) independently of the screen.
 */
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import WebSocket from 'ws';
import { demoJourneyReceipts } from '../../../core/demo/seed-demo-sales';
import { openApp, scanWedge, signIn } from './fixtures';
import { startWebHostProcess, type RunningHost } from './web-host-process';

export { expect };

/** A fresh web host (fresh demo database) for every test: each journey returns its sale once. */
export const test = base.extend<{ host: RunningHost }>({
  host: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const host = await startWebHostProcess();
      await use(host);
      await host.stop();
    },
    { timeout: 120_000 },
  ],
});

export type UiLocale = 'zh-CN' | 'en-US';

/** The journeys' receipt numbers for a store seeded now (Asia/Shanghai business days). */
export function journeyReceipts(): ReturnType<typeof demoJourneyReceipts> {
  return demoJourneyReceipts(Date.now());
}

const SCREENS = 'test-results/screens';
const FONTS_READY = 'document.fonts.ready.then(() => true)';

/** Drives the Returns screen. */
export class ReturnsScreen {
  constructor(
    readonly page: Page,
    readonly locale: UiLocale,
  ) {}

  /** Opens the app, switches to the locale, signs in; the Returns area is the clerk's first. */
  async open(host: RunningHost, code = '1001', pin = '1111'): Promise<void> {
    await openApp(this.page, host);
    if (this.locale === 'en-US') await this.page.getByRole('button', { name: 'English' }).click();
    await signIn(this.page, code, pin);
    await expect(this.root).toBeVisible();
    await expect(this.receiptField).toBeFocused();
  }

  get root(): Locator {
    return this.page.locator('[data-area-page="returns"]');
  }

  get receiptField(): Locator {
    return this.page.locator('input[name="receiptNo"]');
  }

  /** Waits until the screen shows this step ('done' after a commit). */
  async expectStep(step: 'find' | 'choose' | 'check' | 'resolve' | 'confirm' | 'done'): Promise<void> {
    await expect(this.root).toHaveAttribute('data-step', step);
  }

  /** Types the receipt number into the focused field with the keyboard and presses Enter. */
  async typeReceipt(receiptNo: string): Promise<void> {
    await this.receiptField.focus();
    // Slower than any scanner (the wedge detector's gap is 35 ms): this is a person typing.
    await this.page.keyboard.type(receiptNo, { delay: 60 });
    await this.page.keyboard.press('Enter');
  }

  /** A keyboard-wedge scan: the code as one fast burst of keys and Enter, to whatever has the focus. */
  async scan(code: string): Promise<void> {
    await scanWedge(this.page, code);
  }

  /** The sale line row of the choose step. */
  line(lineNo: number): Locator {
    return this.page.locator(`[data-line="${lineNo}"]`);
  }

  /** Picks a sale line and its reason on the choose step. */
  async pick(lineNo: number, reason: string): Promise<void> {
    await this.line(lineNo).getByRole('checkbox').check();
    await this.page.locator(`[data-line-reason="${lineNo}"] [data-reason="${reason}"]`).click();
  }

  /** The check card of a line. */
  checkCard(lineNo: number): Locator {
    return this.page.locator(`[data-check-line="${lineNo}"]`);
  }

  /** Answers every required checklist item ✓ and picks the grade. */
  async inspectAllOk(lineNo: number, grade: string): Promise<void> {
    const card = this.checkCard(lineNo);
    await card.locator(`[data-grade="${grade}"]`).click();
    await card.getByTestId('all-ok').click();
  }

  /** Answers one checklist item (true ✓, false ✗). */
  async answer(lineNo: number, item: string, ok: boolean): Promise<void> {
    await this.checkCard(lineNo)
      .locator(`[data-item="${item}"]`)
      .getByRole('button', { name: ok ? /✓/ : /✗/ })
      .click();
  }

  /**
   * Opens a receipt and walks to the confirm step with the keyboard: each line picked with its
   * reason, inspected all ✓ with the grade, the resolution the policy offers first.
   */
  async toConfirm(
    receiptNo: string,
    lines: { lineNo: number; reason: string; grade: string }[],
  ): Promise<void> {
    await this.typeReceipt(receiptNo);
    await this.expectStep('choose');
    for (const l of lines) await this.pick(l.lineNo, l.reason);
    await this.enter();
    await this.expectStep('check');
    for (const l of lines) await this.inspectAllOk(l.lineNo, l.grade);
    await this.enter();
    await this.expectStep('resolve');
    await expect(this.moneyTable).toBeVisible();
    await this.enter();
    await this.expectStep('confirm');
  }

  /** Presses Enter on the screen (moves on when the step is complete). */
  async enter(): Promise<void> {
    await this.page.keyboard.press('Enter');
  }

  /** The money table of resolve / confirm. */
  get moneyTable(): Locator {
    return this.page.getByTestId('money-table');
  }

  /** The committed return's number from the result screen. */
  async returnId(): Promise<string> {
    const id = await this.page.getByTestId('commit-result').getAttribute('data-return-id');
    expect(id).toMatch(/^R-\d{8}-\d{4,6}$/);
    return id ?? '';
  }

  /** The body of the slip preview iframe. */
  get slip(): Locator {
    return this.page.frameLocator('[data-testid="slip-preview"]').locator('body');
  }

  /**
   * Screenshot of the whole window into test-results/screens/returns-<name>-<locale>.png, once the
   * quote answers what is on screen and the fonts are in; transitions are finished, not caught halfway.
   */
  async shot(name: string): Promise<void> {
    await expect(this.root).toHaveAttribute('data-quoting', 'false');
    await this.page.evaluate(FONTS_READY);
    await this.page.screenshot({
      path: `${SCREENS}/returns-${name}-${this.locale}.png`,
      animations: 'disabled',
    });
  }
}

/** A second, independent bridge connection (what core recorded, not what the screen shows). */
export interface BridgeSession {
  /** Calls a method; throws with the error code when it fails. */
  call<T>(method: string, input: unknown): Promise<T>;
  close(): void;
}

/** Opens a bridge connection to the host and signs it in as `code`/`pin`. */
export async function openBridge(host: RunningHost, code = '1001', pin = '1111'): Promise<BridgeSession> {
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/bridge?token=${host.token}`);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let next = 1;
  const raw = (method: string, input: unknown) =>
    new Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>((resolve) => {
      const id = next++;
      const onMessage = (data: WebSocket.RawData) => {
        const msg = JSON.parse(String(data)) as { type: string; id?: number; result?: unknown };
        if (msg.type === 'result' && msg.id === id) {
          ws.off('message', onMessage);
          resolve(msg.result as { ok: boolean; value?: unknown; error?: { code: string } });
        }
      };
      ws.on('message', onMessage);
      ws.send(JSON.stringify({ id, method, input }));
    });
  const signedIn = await raw('auth.signIn', { code, pin });
  if (!signedIn.ok) throw new Error(`sign-in failed: ${signedIn.error?.code}`);
  return {
    async call<T>(method: string, input: unknown): Promise<T> {
      const r = await raw(method, input);
      if (!r.ok) throw new Error(`${method} failed: ${r.error?.code}`);
      return r.value as T;
    },
    close: () => ws.close(),
  };
}

/** One call on a fresh bridge connection signed in as the clerk. */
export async function bridgeCall<T>(host: RunningHost, method: string, input: unknown): Promise<T> {
  const b = await openBridge(host);
  try {
    return await b.call<T>(method, input);
  } finally {
    b.close();
  }
}
