/**
 * Hostile input through the real dispatcher yields an error whose words (the same on screen and in
 * the CLI) name the field and the rule — never "Some input is not valid:" with nothing after it —
 * and never echo the refused value. A return number typed as a receipt says it is a return number.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppErrorValue } from '../../shared/contract/errors';
import { resources } from '../../shared/i18n';
import { errorWords } from '../../shared/i18n/error-words';
import { lookup, makeTranslator } from '../../shared/i18n/translate';
import type { Locale } from '../../shared/i18n/types';
import { makeCore, type CoreFixture } from '../helpers/core-fixture';

let f: CoreFixture;
beforeEach(() => {
  f = makeCore();
});
afterEach(() => f.close());

const say = (e: AppErrorValue, locale: Locale) =>
  errorWords(e, {
    t: makeTranslator(resources, locale),
    template: (k) => lookup(resources[locale], k) ?? lookup(resources['en-US'], k),
  });

async function refusal(method: string, input: unknown): Promise<AppErrorValue> {
  const r = await f.core.dispatcher.call(await f.as('A001'), method, input);
  if (r.ok) throw new Error(`${method} accepted ${JSON.stringify(input)}`);
  return r.error;
}

const line = {
  lineNo: 1,
  qty: 1,
  reason: 'no_reason',
  inspection: { grade: 'A-new', accessoriesComplete: true, packagingIntact: true },
};
const commit = {
  receiptNo: 'S-20261118-0007',
  lines: [line],
  resolution: 'refund',
  idempotencyKey: 'key-12345678',
  expectedTotalMinor: 100,
};

describe('INVALID_INPUT names the field and the rule', () => {
  const cases: [string, string, unknown, string, string][] = [
    ['missing field', 'sales.byReceipt', {}, 'receipt number: is required', '小票号：必须填写'],
    ['wrong type', 'sales.byReceipt', { receiptNo: 42 }, 'receipt number: must be text', '小票号：应为文字'],
    [
      'too long',
      'sales.byReceipt',
      { receiptNo: 'S'.repeat(65) },
      'receipt number: is too long: at most 64 characters',
      '小票号：太长，最多 64 个字符',
    ],
    [
      'unknown field',
      'sales.byReceipt',
      { receiptNo: 'S-1', drop: 'tables' },
      'the request: has fields it does not accept: “drop”',
      '请求：含有不接受的字段：“drop”',
    ],
    [
      'a refused line, by its sale line number',
      'returns.commit',
      { ...commit, lines: [line, { ...line, lineNo: 3, qty: 2.5 }] },
      'line 3, quantity: must be a whole number',
      '第 3 行，数量：必须是整数',
    ],
    [
      'a value outside the list',
      'returns.commit',
      { ...commit, resolution: 'cash_back' },
      'resolution: is not one of the allowed values:',
      '处理方式：不是允许的值，可选：',
    ],
  ];
  for (const [name, method, input, en, zh] of cases) {
    it(name, async () => {
      const e = await refusal(method, input);
      expect(e.code).toBe('INVALID_INPUT');
      expect(say(e, 'en-US')).toContain(`Some input is not valid: ${en}`);
      expect(say(e, 'zh-CN')).toContain(`输入内容不正确：${zh}`);
    });
  }

  it('never echoes a refused PIN', async () => {
    const r = await f.core.dispatcher.call(f.core.connect(), 'auth.signIn', {
      code: 'A001',
      pin: '12x4-SECRET',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(JSON.stringify(r.error)).not.toContain('SECRET');
    expect(say(r.error, 'en-US')).toBe('Some input is not valid: PIN: is not in the expected format');
  });
});

describe('a return number where a sale receipt is expected', () => {
  for (const method of ['sales.byReceipt', 'returns.saleForReturn']) {
    it(`${method} says it is a return number`, async () => {
      const e = await refusal(method, { receiptNo: 'R-20261123-0001' });
      expect(e).toMatchObject({
        code: 'SALE_NOT_FOUND',
        details: { why: 'not_a_sale', documentType: 'return' },
      });
      expect(say(e, 'en-US')).toBe(
        "R-20261123-0001 is a return number, not a sale receipt number. Enter the number on the customer's receipt.",
      );
      expect(say(e, 'zh-CN')).toMatch(/^R-20261123-0001 是退货单号，不是销售小票号/);
    });
  }
});
