import { describe, expect, it } from 'vitest';
import { CURRENCY_CODES } from '../../../shared/domain/money/currency';
import { PARSE_MONEY_ERRORS } from '../../../shared/domain/money/parse';
import { TENDER_KINDS } from '../../../shared/domain/refund/sale';
import { moneyMessages } from '../../../shared/i18n/areas/money';
import { leafKeys, lookup } from './keys';

describe('money i18n area', () => {
  it('has the same keys in zh-CN and en-US', () => {
    expect(leafKeys(moneyMessages['en-US']).sort()).toEqual(leafKeys(moneyMessages['zh-CN']).sort());
  });

  it('names every tender, currency and parse error in both locales', () => {
    const keys = [
      ...TENDER_KINDS.map((t) => `tender.${t}`),
      ...CURRENCY_CODES.map((c) => `currency.${c}`),
      ...PARSE_MONEY_ERRORS.map((e) => `parseError.${e}`),
    ];
    for (const locale of ['zh-CN', 'en-US'] as const) {
      for (const key of keys) expect(lookup(moneyMessages[locale], key), `${locale} ${key}`).toBeTruthy();
    }
    expect(lookup(moneyMessages['zh-CN'], 'tender.wechat')).toBe('微信支付');
    expect(lookup(moneyMessages['en-US'], 'tender.wechat')).toBe('WeChat Pay');
  });
});
