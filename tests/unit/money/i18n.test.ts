import { describe, expect, it } from 'vitest';
import { CURRENCY_CODES } from '../../../shared/domain/money/currency';
import { PARSE_MONEY_ERRORS } from '../../../shared/domain/money/parse';
import { REFUND_ERROR_CODES } from '../../../shared/domain/refund/errors';
import { TENDERS as TENDER_KINDS } from '../../../shared/domain/money/tenders';
import { moneyMessages } from '../../../shared/i18n/areas/money';
import { lookup } from '../../../shared/i18n/translate';
import type { MessageTree } from '../../../shared/i18n/types';

function leafKeys(tree: MessageTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : leafKeys(v, `${prefix}${k}.`),
  );
}

describe('money i18n area', () => {
  it('has the same keys in zh-CN and en-US, all under money.* or errors.*', () => {
    const zh = leafKeys(moneyMessages['zh-CN']).sort();
    expect(leafKeys(moneyMessages['en-US']).sort()).toEqual(zh);
    for (const k of zh) expect(k).toMatch(/^(money|errors)\./);
  });

  it('names every tender, currency, parse error and refund error code in both locales', () => {
    const keys = [
      ...TENDER_KINDS.map((t) => `money.tender.${t}`),
      ...CURRENCY_CODES.map((c) => `money.currency.${c}`),
      ...PARSE_MONEY_ERRORS.map((e) => `money.parseError.${e}`),
      ...REFUND_ERROR_CODES.map((c) => `errors.${c}`),
    ];
    for (const locale of ['zh-CN', 'en-US'] as const) {
      for (const key of keys) expect(lookup(moneyMessages[locale], key), `${locale} ${key}`).toBeTruthy();
    }
    expect(lookup(moneyMessages['zh-CN'], 'money.tender.wechat')).toBe('微信支付');
    expect(lookup(moneyMessages['en-US'], 'money.tender.wechat')).toBe('WeChat Pay');
  });
});
