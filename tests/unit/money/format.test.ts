import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../shared/domain/money/format';

describe('formatMoney', () => {
  it('shows yuan as the customer sees them in both locales', () => {
    expect(formatMoney(129900, 'CNY', 'zh-CN')).toBe('¥1,299.00');
    expect(formatMoney(129900, 'CNY', 'en-US')).toBe('¥1,299.00');
    expect(formatMoney(35910, 'CNY', 'en-US')).toBe('¥359.10');
    expect(formatMoney(129900, 'CNY', 'zh-CN', { display: 'none' })).toBe('1,299.00');
  });

  it('pads small amounts and shows negatives with a leading minus', () => {
    expect(formatMoney(0, 'CNY', 'zh-CN')).toBe('¥0.00');
    expect(formatMoney(5, 'CNY', 'zh-CN')).toBe('¥0.05');
    expect(formatMoney(-5, 'CNY', 'zh-CN')).toBe('-¥0.05');
    expect(formatMoney(-3990, 'CNY', 'en-US')).toBe('-¥39.90');
    expect(formatMoney(-100000000, 'CNY', 'zh-CN', { display: 'none' })).toBe('-1,000,000.00');
  });

  it('groups large amounts in threes up to the safe-integer limit', () => {
    expect(formatMoney(100000, 'CNY', 'zh-CN')).toBe('¥1,000.00');
    expect(formatMoney(99999, 'CNY', 'zh-CN')).toBe('¥999.99');
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'CNY', 'zh-CN')).toBe('¥90,071,992,547,409.91');
  });

  it('disambiguates foreign currencies and honours minor digits per currency', () => {
    expect(formatMoney(129900, 'USD', 'en-US')).toBe('$1,299.00');
    expect(formatMoney(129900, 'USD', 'zh-CN')).toBe('US$1,299.00');
    expect(formatMoney(1999, 'EUR', 'en-US')).toBe('€19.99');
    expect(formatMoney(1299, 'JPY', 'en-US')).toBe('JP¥1,299');
  });

  it('refuses floats and unsafe integers (programming errors)', () => {
    expect(() => formatMoney(12.5, 'CNY', 'zh-CN')).toThrow(RangeError);
    expect(() => formatMoney(Number.NaN, 'CNY', 'zh-CN')).toThrow(RangeError);
    expect(() => formatMoney(2 ** 53, 'CNY', 'zh-CN')).toThrow(RangeError);
  });
});
