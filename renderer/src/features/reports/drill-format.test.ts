/** Drill-down cells as a manager reads them: money with the symbol, store-local times, named codes, hostile values. */
import { describe, expect, it } from 'vitest';
import { resources } from '../../../../shared/i18n';
import { makeTranslator } from '../../../../shared/i18n/translate';
import { formatMoney } from '../../../../shared/domain/money';
import { formatCell, storeTime } from './drill-format';

const zh = { t: makeTranslator(resources, 'zh-CN'), money: (m: number) => formatMoney(m, 'CNY', 'zh-CN'), zone: 'Asia/Shanghai' };
const en = { t: makeTranslator(resources, 'en-US'), money: (m: number) => formatMoney(m, 'USD', 'en-US'), zone: 'America/New_York' };

describe('drill-down cells', () => {
  it('formats minor units as money and epoch ms in the store zone', () => {
    expect(formatCell('money', 35910, zh)).toMatch(/^[¥￥]359\.10$/);
    expect(formatCell('money', 1234, en)).toBe('$12.34');
    // 2026-11-19T16:00:00Z is midnight on 20 Nov in Shanghai and 11:00 on 19 Nov in New York.
    const t = Date.UTC(2026, 10, 19, 16, 0);
    expect(formatCell('instant', t, zh)).toBe('2026-11-20 00:00');
    expect(formatCell('instant', t, en)).toBe('2026-11-19 11:00');
    expect(storeTime(Date.UTC(2026, 10, 20, 15, 59, 59), 'Asia/Shanghai')).toBe('2026-11-20 23:59');
  });

  it('names status, category, reason and kind codes in the UI language; unknown codes stay as they are', () => {
    expect(formatCell('status', 'awaiting_parts', zh)).not.toBe('awaiting_parts');
    expect(formatCell('category', 'headphones', zh)).toBe('耳机');
    expect(formatCell('category', 'headphones', en)).toBe('Headphones');
    expect(formatCell('returnReason', 'no_reason', en)).not.toBe('no_reason');
    expect(formatCell('overrideReason', 'goodwill', zh)).toBe('老顾客关怀');
    expect(formatCell('returnKind', 'exchange', zh)).toBe('换货');
    expect(formatCell('category', 'made_up<script>', zh)).toBe('made_up<script>');
    expect(formatCell('text', null, zh)).toBe('—');
    expect(formatCell('money', 'not a number', zh)).toBe('not a number');
  });
});
