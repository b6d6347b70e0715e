/**
 * What the counter looks like: screenshots of sign-in and the shell in both languages (written to
 * test-results/screens/ for a person to look at), and proof that Chinese is drawn with the bundled
 * Noto Sans SC web font rather than whatever CJK font the machine has.
 */
import { expect, openApp, signIn, signInWithKeyboard, test } from './support/fixtures';

const SCREENS = 'test-results/screens';
// Browser-side snippets are strings: the test files are typechecked without the DOM library.
const FONTS_READY = 'document.fonts.ready.then(() => true)';

test('screenshots of sign-in and the shell in zh-CN and en-US', async ({ page, host }) => {
  await openApp(page, host);
  await page.evaluate(FONTS_READY);
  await page.screenshot({ path: `${SCREENS}/signin-zh-CN.png` });
  await signInWithKeyboard(page, '3001', '0000');
  await expect(page.getByRole('alert')).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/signin-wrong-pin-zh-CN.png` });
  await signIn(page, '1001', '1111');
  await expect(page.getByTestId('signed-in')).toContainText('小王');
  await page.evaluate(FONTS_READY);
  await page.screenshot({ path: `${SCREENS}/shell-zh-CN.png` });
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('signed-in')).toContainText('Clerk');
  await page.evaluate(FONTS_READY);
  await page.screenshot({ path: `${SCREENS}/shell-en-US.png` });
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Staff sign-in' })).toBeVisible();
  await page.evaluate(FONTS_READY);
  await page.screenshot({ path: `${SCREENS}/signin-en-US.png` });
});

test('Chinese text is rendered with the bundled Noto Sans SC web font', async ({ page, host }) => {
  await openApp(page, host);
  const heading = page.getByRole('heading', { name: '店员登录' });
  await expect(heading).toBeVisible();
  await page.evaluate(FONTS_READY);

  // The @font-face faces for the glyphs on screen were loaded from the bundle.
  const loaded = await page.evaluate(
    `[...document.fonts].filter((f) => f.family.replace(/["']/g, '') === 'Noto Sans SC' && f.status === 'loaded').length`,
  );
  expect(loaded).toBeGreaterThan(0);
  expect(await page.evaluate(`document.fonts.check('700 30px "Noto Sans SC"', '店员登录')`)).toBe(true);

  // Ask the renderer which font actually drew the heading: a custom (web) font named Noto Sans SC.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'main h2' });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  expect(fonts.length).toBeGreaterThan(0);
  // (The subset files name themselves "Noto Sans SC Thin" internally: fontsource cuts them from the variable font.)
  for (const f of fonts)
    expect({ family: f.familyName, custom: f.isCustomFont }).toEqual({
      family: expect.stringMatching(/^Noto Sans SC/),
      custom: true,
    });
  expect(fonts.some((f) => /CJK/.test(f.familyName))).toBe(false);

  // And the font files came from our own origin (CSP font-src 'self'), as woff2.
  const fontUrls = await page.evaluate<string[]>(
    `performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /noto-sans-sc.*\\.woff2$/.test(n))`,
  );
  expect(fontUrls.length).toBeGreaterThan(0);
  for (const u of fontUrls) expect(new URL(u).origin).toBe(host.origin);
});
