import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../shared/domain/money/format';
import { parseMoney } from '../../../shared/domain/money/parse';

const ok = (minor: number) => ({ ok: true, minor });
const bad = (reason: string) => ({ ok: false, reason });

describe('parseMoney', () => {
  it('parses what a clerk types', () => {
    expect(parseMoney('1,299.5')).toEqual(ok(129950));
    expect(parseMoney('1299.50')).toEqual(ok(129950));
    expect(parseMoney('1299')).toEqual(ok(129900));
    expect(parseMoney('0.01')).toEqual(ok(1));
    expect(parseMoney('  359.1 ')).toEqual(ok(35910));
    expect(parseMoney('-39.90')).toEqual(ok(-3990));
    expect(parseMoney('-0')).toEqual(ok(0));
    expect(parseMoney('1,000,000')).toEqual(ok(100000000));
  });

  it('accepts the currency symbol and full-width input from Chinese IMEs', () => {
    expect(parseMoney('¥1,299.00')).toEqual(ok(129900));
    expect(parseMoney('￥１２９９．５')).toEqual(ok(129950));
    expect(parseMoney('１，２９９')).toEqual(ok(129900));
    expect(parseMoney('CN¥8')).toEqual(ok(800));
    expect(parseMoney('-¥0.05')).toEqual(ok(-5));
    expect(parseMoney('$19.99', 'USD')).toEqual(ok(1999));
    expect(parseMoney('$19.99', 'CNY')).toEqual(bad('malformed'));
  });

  it('rejects float garbage, too many decimals and non-numbers', () => {
    expect(parseMoney('0.30000000000000004')).toEqual(bad('too_many_decimals'));
    expect(parseMoney('1.005')).toEqual(bad('too_many_decimals'));
    expect(parseMoney('12.5', 'JPY')).toEqual(bad('too_many_decimals'));
    expect(parseMoney('1e3')).toEqual(bad('malformed'));
    expect(parseMoney('NaN')).toEqual(bad('malformed'));
    expect(parseMoney('Infinity')).toEqual(bad('malformed'));
    expect(parseMoney('0x10')).toEqual(bad('malformed'));
    expect(parseMoney('.5')).toEqual(bad('malformed'));
    expect(parseMoney('1.')).toEqual(bad('malformed'));
    expect(parseMoney('1 299')).toEqual(bad('malformed'));
    expect(parseMoney('--5')).toEqual(bad('malformed'));
    expect(parseMoney('+5')).toEqual(bad('malformed'));
    expect(parseMoney('¥')).toEqual(bad('malformed'));
    expect(parseMoney('')).toEqual(bad('empty'));
    expect(parseMoney('   ')).toEqual(bad('empty'));
    expect(parseMoney(12.5)).toEqual(bad('not_text'));
    expect(parseMoney(null)).toEqual(bad('not_text'));
    expect(parseMoney('9'.repeat(41))).toEqual(bad('too_long'));
  });

  it('rejects wrong thousands grouping', () => {
    expect(parseMoney('1,29,9')).toEqual(bad('bad_grouping'));
    expect(parseMoney('12,99')).toEqual(bad('bad_grouping'));
    expect(parseMoney('1,2999.00')).toEqual(bad('bad_grouping'));
    expect(parseMoney(',999')).toEqual(bad('bad_grouping'));
  });

  it('guards the safe-integer range', () => {
    expect(parseMoney('90071992547409.91')).toEqual(ok(Number.MAX_SAFE_INTEGER));
    expect(parseMoney('90071992547409.92')).toEqual(bad('out_of_range'));
    expect(parseMoney('99999999999999999999')).toEqual(bad('out_of_range'));
  });

  it('parses back every amount formatMoney prints (fast-check, fixed seed)', () => {
    fc.assert(
      fc.property(
        fc.maxSafeInteger(),
        fc.constantFrom('CNY' as const, 'USD' as const, 'EUR' as const, 'JPY' as const),
        fc.constantFrom('zh-CN' as const, 'en-US' as const),
        fc.boolean(),
        (minor, currency, locale, symbol) => {
          const text = formatMoney(minor, currency, locale, { display: symbol ? 'symbol' : 'none' });
          expect(parseMoney(text, currency)).toEqual(ok(minor === 0 ? 0 : minor));
        },
      ),
      { seed: 20261123, numRuns: 1000 },
    );
  });

  it('never throws and never returns a non-integer on hostile strings (fast-check, fixed seed)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 50 }), (s) => {
        const r = parseMoney(s);
        if (r.ok) {
          expect(Number.isSafeInteger(r.minor)).toBe(true);
          expect(/[0-9０-９]/.test(s)).toBe(true);
        }
      }),
      { seed: 7, numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[-0-9.,¥ ]{0,20}$/), (s) => {
        const r = parseMoney(s);
        if (r.ok) expect(Number.isSafeInteger(r.minor)).toBe(true);
      }),
      { seed: 8, numRuns: 2000 },
    );
  });
});
