/**
 * INVALID_INPUT in words: zod issues → rules (shared/contract/input-issues.ts) → sentences naming
 * the field and the rule (shared/i18n/error-words.ts), in zh-CN and en-US, as the CLI prints them.
 */
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { toInputIssues } from '../../../shared/contract/input-issues';
import { resources } from '../../../shared/i18n';
import { errorWords, type Words } from '../../../shared/i18n/error-words';
import { lookup, makeTranslator } from '../../../shared/i18n/translate';
import type { Locale } from '../../../shared/i18n/types';
import { commitInput } from '../../../shared/contract/methods/returns';

function words(locale: Locale): Words {
  return {
    t: makeTranslator(resources, locale),
    template: (k) => lookup(resources[locale], k) ?? lookup(resources['en-US'], k),
  };
}

function invalid(schema: z.ZodType, input: unknown, locale: Locale): string {
  const r = schema.safeParse(input);
  if (r.success) throw new Error('expected the input to be refused');
  const issues = toInputIssues(r.error.issues, input);
  return errorWords(
    { code: 'INVALID_INPUT', messageKey: 'errors.INVALID_INPUT', details: { issues } },
    words(locale),
  );
}

const s = z
  .object({
    receiptNo: z.string().min(1).max(64),
    qty: z.number().int().positive().max(10_000),
    resolution: z.enum(['refund', 'exchange']),
    gtin: z.string().regex(/^\d{8,14}$/),
    lines: z
      .array(z.object({ qty: z.number().int() }).strict())
      .min(1)
      .max(50),
    waive: z.boolean(),
  })
  .strict();
const good = {
  receiptNo: 'S-1',
  qty: 1,
  resolution: 'refund',
  gtin: '12345678',
  lines: [{ qty: 1 }],
  waive: false,
};

describe('an issue in words names the field and the rule', () => {
  const cases: [string, unknown, string, string][] = [
    ['missing', { ...good, receiptNo: undefined }, 'receipt number: is required', '小票号：必须填写'],
    ['wrong type', { ...good, qty: '2' }, 'quantity: must be a number', '数量：应为数字'],
    ['not whole', { ...good, qty: 1.5 }, 'quantity: must be a whole number', '数量：必须是整数'],
    ['zero', { ...good, qty: 0 }, 'quantity: must be more than 0', '数量：必须大于 0'],
    ['too big', { ...good, qty: 10_001 }, 'quantity: must be at most 10000', '数量：不能大于 10000'],
    [
      'too long',
      { ...good, receiptNo: 'x'.repeat(65) },
      'receipt number: is too long: at most 64 characters',
      '小票号：太长，最多 64 个字符',
    ],
    [
      'too short',
      { ...good, receiptNo: '' },
      'receipt number: is too short: at least 1 characters',
      '小票号：太短，至少 1 个字符',
    ],
    [
      'not allowed',
      { ...good, resolution: 'cash' },
      'resolution: is not one of the allowed values: refund, exchange',
      '处理方式：不是允许的值，可选：refund、exchange',
    ],
    ['format', { ...good, gtin: 'abc' }, 'barcode: is not in the expected format', '商品条码：格式不正确'],
    ['empty list', { ...good, lines: [] }, 'lines: needs at least 1 entries', '退货行：至少需要 1 项'],
    ['boolean', { ...good, waive: 'yes' }, 'waive: must be yes or no (true/false)', 'waive：应为是或否'],
    [
      'unknown field',
      { ...good, discount: 5 },
      'the request: has fields it does not accept: “discount”',
      '请求：含有不接受的字段：“discount”',
    ],
    [
      'a line, 1-based',
      { ...good, lines: [{ qty: 1 }, { qty: 1 }, { qty: 'x' }] },
      'line 3, quantity: must be a number',
      '第 3 行，数量：应为数字',
    ],
  ];
  for (const [name, input, en, zh] of cases) {
    it(name, () => {
      expect(invalid(s, input, 'en-US')).toBe(`Some input is not valid: ${en}`);
      expect(invalid(s, input, 'zh-CN')).toBe(`输入内容不正确：${zh}`);
    });
  }

  it('never copies the refused value into the issue', () => {
    const r = s.safeParse({ ...good, receiptNo: 'SECRET-'.repeat(20) });
    expect(JSON.stringify(toInputIssues(r.error?.issues ?? [], {}))).not.toContain('SECRET');
  });
});

describe('a returns request', () => {
  const line = (lineNo: number, qty: unknown) => ({
    lineNo,
    qty,
    reason: 'no_reason',
    inspection: { grade: 'A-new', accessoriesComplete: true, packagingIntact: true },
  });
  const req = (lines: unknown[]) => ({
    receiptNo: 'S-20261118-0007',
    lines,
    resolution: 'refund',
    idempotencyKey: 'k-12345678',
    expectedTotalMinor: 100,
  });

  it('names a refused line by its sale line number, as the clerk sees it', () => {
    const text = invalid(commitInput, req([line(1, 1), line(4, 0)]), 'en-US');
    expect(text).toBe('Some input is not valid: line 4, quantity: must be more than 0');
    expect(invalid(commitInput, req([line(1, 1), line(4, 0)]), 'zh-CN')).toBe(
      '输入内容不正确：第 4 行，数量：必须大于 0',
    );
  });

  it('falls back to the position when the line number itself is refused', () => {
    expect(invalid(commitInput, req([line(1, 1), line(-2, 1)]), 'en-US')).toBe(
      'Some input is not valid: line 2, line number: must be more than 0',
    );
  });

  it('says to give exactly one of receipt number and no-receipt details', () => {
    const { receiptNo: _omit, ...noSource } = req([line(1, 1)]);
    expect(invalid(commitInput, noSource, 'en-US')).toBe(
      'Some input is not valid: the request: give exactly one of: receipt number, no-receipt details',
    );
    expect(invalid(commitInput, noSource, 'zh-CN')).toBe(
      '输入内容不正确：请求：只能且必须填写其中一项：小票号、无小票退货信息',
    );
  });
});

describe('other line-bound and receipt errors', () => {
  const say = (locale: Locale, code: string, details: Record<string, unknown>) =>
    errorWords({ code, messageKey: `errors.${code}`, details }, words(locale));

  it('leads a line-bound error with its line when the message does not name it', () => {
    expect(say('en-US', 'REFUND_QTY_EXCEEDS_REMAINING', { lineId: '3', requested: 2, remaining: 1 })).toBe(
      'Line 3: Returning 2 but only 1 left to return',
    );
    expect(say('zh-CN', 'RETURN_REFUSED', { lines: [2, 5], because: [] })).toMatch(
      /^第 2、5 行：政策不允许此退货/,
    );
    // A message that names the line already is left alone.
    expect(say('en-US', 'RETURN_SERIAL_MISMATCH', { lineNo: 2 })).toMatch(/^Line 2: the serial/);
  });

  it('says a return number is not a sale receipt', () => {
    const d = { receiptNo: 'R-20261123-0001', why: 'not_a_sale', documentType: 'return' };
    expect(say('en-US', 'SALE_NOT_FOUND', d)).toBe(
      "R-20261123-0001 is a return number, not a sale receipt number. Enter the number on the customer's receipt.",
    );
    expect(say('zh-CN', 'SALE_NOT_FOUND', d)).toBe(
      'R-20261123-0001 是退货单号，不是销售小票号。请输入顾客购物小票上的小票号。',
    );
    expect(say('en-US', 'SALE_NOT_FOUND', { receiptNo: 'S-1', why: 'unknown' })).toBe(
      'No sale has receipt number S-1.',
    );
  });
});
