import { describe, expect, it } from 'vitest';
import { renderReason } from '../../../shared/domain/policy/explain';
import { genericRetailProfile } from '../../../shared/domain/policy/profiles/generic-retail';
import { decide, keys, shanghai } from './helpers';

const profile = genericRetailProfile;
const saleAt = shanghai(2026, 10, 14, 15); // 2026-10-14 15:00 local
const opened = { grade: 'B-opened' as const, faultConfirmed: null };

describe('generic retail profile', () => {
  it('journey 2: headphones, 40 days, opened, no fault → refused (30-day window), 15 % fee shown for an override', () => {
    const d = decide({
      profile,
      category: 'audio',
      saleAt,
      now: shanghai(2026, 11, 23, 10),
      reason: 'no_reason',
      inspection: opened,
    });
    expect(d).toMatchObject({
      outcome: 'refused',
      options: [],
      decidingRule: 'return_window_expired',
      restockingFeeBp: 1500,
      overrideRefundMode: 'store_credit',
    });
    expect(keys(d)).toEqual([
      'policy.reason.returnWindowExpired',
      'policy.reason.restockingFee',
      'policy.reason.overridePossible',
    ]);
    expect(d.reasons.map((r) => renderReason(r, 'en-US'))).toEqual([
      'Bought 2026-10-14, 40 days ago; return window is 30 days (ended 2026-11-13) → no return',
      'Opened without a fault (condition B opened, complete): restocking fee 15 %',
      'Manager override (F8) possible: store credit only',
    ]);
    expect(renderReason(d.reasons[0]!, 'zh-CN')).toBe(
      '购买于 2026-10-14（40 天前）；退货期为 30 天（已于 2026-11-13 结束）→ 不可退货',
    );
  });

  const table: [string, number, string, string, string[], number][] = [
    [
      'opened, day 30 last ms',
      shanghai(2026, 11, 13, 23, 59, 59, 999),
      'B-opened',
      'return_window',
      ['refund', 'exchange'],
      1500,
    ],
    ['sealed, day 30', shanghai(2026, 11, 13, 9), 'A-new', 'return_window', ['refund', 'exchange'], 0],
    [
      'opened, day 31 first instant',
      shanghai(2026, 11, 14, 0),
      'B-opened',
      'return_window_expired',
      [],
      1500,
    ],
    ['damaged, day 3', shanghai(2026, 10, 17), 'C-damaged', 'grade_not_accepted', [], 1500],
  ];
  it.each(table)('no reason, %s → %s', (_l, now, grade, rule, options, fee) => {
    const d = decide({
      profile,
      category: 'audio',
      saleAt,
      now,
      reason: 'no_reason',
      inspection: { grade: grade as 'A-new', faultConfirmed: null },
    });
    expect(d.decidingRule).toBe(rule);
    expect(d.options).toEqual(options);
    expect(d.restockingFeeBp).toBe(fee);
  });

  it('phones have a 15-day window', () => {
    const base = { profile, category: 'phone', saleAt, reason: 'no_reason' as const, inspection: opened };
    expect(decide({ ...base, now: shanghai(2026, 10, 29, 23, 59) }).decidingRule).toBe('return_window');
    expect(decide({ ...base, now: shanghai(2026, 10, 30, 0) }).decidingRule).toBe('return_window_expired');
  });

  it('defective items: refund for 30 days with no fee, then warranty repair, never replacement', () => {
    const base = { profile, category: 'audio', saleAt };
    const d25 = decide({ ...base, now: shanghai(2026, 11, 8) });
    expect(d25).toMatchObject({
      decidingRule: 'fault_return',
      restockingFeeBp: 0,
      options: ['refund', 'exchange', 'repair'],
    });
    expect(renderReason(d25.reasons[0]!, 'en-US')).toBe(
      'Bought 2026-10-14, 25 days ago; fault return window is 30 days (until 2026-11-13) → return, exchange or repair, customer’s choice',
    );
    const d31 = decide({ ...base, now: shanghai(2026, 11, 14), failedRepairsOfSameFault: 5 });
    expect(d31).toMatchObject({ decidingRule: 'warranty_repair', options: ['repair'] });
    expect(keys(d31)).toEqual(['policy.reason.store.warrantyRepair']);
  });

  it('above ¥1,000 needs the manager', () => {
    const d = decide({
      profile,
      category: 'audio',
      saleAt,
      now: shanghai(2026, 10, 20),
      reason: 'no_reason',
      lineNetMinor: 100001,
      inspection: { grade: 'A-new' },
    });
    expect(d.outcome).toBe('needs_manager');
    expect(
      decide({
        profile,
        category: 'audio',
        saleAt,
        now: shanghai(2026, 10, 20),
        reason: 'no_reason',
        lineNetMinor: 100000,
        inspection: { grade: 'A-new' },
      }).outcome,
    ).toBe('allowed');
  });

  it('journey 3: kettle, no receipt → store credit; opened → fee applies; over ¥200 a month → manager', () => {
    const base = {
      profile,
      category: 'small_appliance',
      saleAt: null,
      hasReceipt: false,
      reason: 'no_reason' as const,
    };
    const sealed = decide({ ...base, lineNetMinor: 12900, inspection: { grade: 'A-new' } });
    expect(sealed).toMatchObject({
      outcome: 'allowed',
      options: ['store_credit', 'exchange'],
      restockingFeeBp: 0,
    });
    const openedKettle = decide({ ...base, lineNetMinor: 12900, inspection: opened });
    expect(openedKettle.restockingFeeBp).toBe(1500);
    const over = decide({
      ...base,
      lineNetMinor: 12900,
      noReceiptCreditThisMonthMinor: 8000,
      inspection: { grade: 'A-new' },
    });
    expect(over).toMatchObject({ outcome: 'needs_manager', decidingRule: 'no_receipt' });
    expect(renderReason(over.reasons[1]!, 'en-US')).toBe(
      'No receipt: ¥80.00 already credited this month + ¥129.00 is over the ¥200.00 limit → manager approval',
    );
  });

  it('clearance is final sale', () => {
    const d = decide({
      profile,
      category: 'clearance',
      saleAt,
      now: shanghai(2026, 10, 15),
      reason: 'no_reason',
      inspection: { grade: 'A-new' },
    });
    expect(d.decidingRule).toBe('final_sale');
    expect(renderReason(d.reasons[0]!, 'zh-CN')).toBe('清仓/特价商品：无故障不退换');
  });
});
