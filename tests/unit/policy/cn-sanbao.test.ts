import { describe, expect, it } from 'vitest';
import { renderReason } from '../../../shared/domain/policy/explain';
import { decide, keys, shanghai } from './helpers';

const saleAt = shanghai(2026, 11, 2, 10); // bought 2026-11-02 10:00 local

describe('三包 profile: performance fault by day (purchase day = day 0)', () => {
  const cases: [string, number, string, string[]][] = [
    ['day 0', shanghai(2026, 11, 2, 18), 'fault_return', ['refund', 'exchange', 'repair']],
    [
      'day 7, last millisecond',
      shanghai(2026, 11, 9, 23, 59, 59, 999),
      'fault_return',
      ['refund', 'exchange', 'repair'],
    ],
    ['day 8, first instant', shanghai(2026, 11, 10, 0), 'fault_exchange', ['exchange', 'repair']],
    [
      'day 15, last millisecond',
      shanghai(2026, 11, 17, 23, 59, 59, 999),
      'fault_exchange',
      ['exchange', 'repair'],
    ],
    ['day 16, first instant', shanghai(2026, 11, 18, 0), 'warranty_repair', ['repair']],
    [
      'day 365, last day of the 三包 period',
      shanghai(2027, 11, 2, 23, 59, 59, 999),
      'warranty_repair',
      ['repair'],
    ],
  ];
  it.each(cases)('%s → %s', (_label, now, rule, options) => {
    const d = decide({ saleAt, now });
    expect(d.decidingRule).toBe(rule);
    expect(d.outcome).toBe('allowed');
    expect(d.options).toEqual(options);
    expect(d.restockingFeeBp).toBe(0);
    expect(d.overrideRefundMode).toBeNull();
  });

  it('day 366 → 三包 over: paid repair only, refused with override possible', () => {
    const d = decide({ saleAt, now: shanghai(2027, 11, 3, 0) });
    expect(d).toMatchObject({
      outcome: 'refused',
      options: [],
      decidingRule: 'warranty_expired',
      overrideRefundMode: 'store_credit',
    });
    expect(keys(d)).toEqual(['policy.reason.sanbao.warrantyExpired', 'policy.reason.overridePossible']);
    expect(renderReason(d.reasons[0]!, 'en-US')).toBe(
      'Bought 2026-11-02, 366 days ago; the 三包 period of 365 days ended 2027-11-02 → paid repair only',
    );
  });

  it('journey: 21 days after purchase the exchange window is over → repair only, in both languages', () => {
    const d = decide({ saleAt, now: shanghai(2026, 11, 23, 14) });
    expect(d.window).toEqual({ purchasedOn: '2026-11-02', today: '2026-11-23', days: 21 });
    expect(d.reasons[0]!.params).toMatchObject({
      purchasedOn: '2026-11-02',
      days: 21,
      exchangeDays: 15,
      windowEnd: '2027-11-02',
    });
    expect(renderReason(d.reasons[0]!, 'en-US')).toBe(
      'Bought 2026-11-02, 21 days ago; 三包 exchange window is 15 days → repair only (free 三包 repair until 2027-11-02)',
    );
    expect(renderReason(d.reasons[0]!, 'zh-CN')).toBe(
      '购买于 2026-11-02（21 天前）；三包换货期为 15 天 → 仅可修理（三包免费修理至 2027-11-02）',
    );
  });

  it('journey 1: speaker, 5 days, crackles, fault reproduced → return allowed', () => {
    const d = decide({
      category: 'audio',
      saleAt: shanghai(2026, 11, 18, 16),
      now: shanghai(2026, 11, 23, 11),
    });
    expect(d).toMatchObject({
      outcome: 'allowed',
      decidingRule: 'fault_return',
      options: ['refund', 'exchange', 'repair'],
    });
    expect(renderReason(d.reasons[0]!, 'en-US')).toBe(
      'Bought 2026-11-18, 5 days ago; 三包: performance fault within 7 days (until 2026-11-25) → return, exchange or repair, customer’s choice',
    );
    expect(renderReason(d.reasons[0]!, 'zh-CN')).toBe(
      '购买于 2026-11-18（5 天前）；三包：7 天内（至 2026-11-25）出现性能故障 → 可退货、换货或修理，由顾客选择',
    );
  });

  it('after two failed repairs of the same fault → replacement of the same model or return', () => {
    const d = decide({ saleAt, now: shanghai(2027, 3, 1), failedRepairsOfSameFault: 2 });
    expect(d).toMatchObject({
      outcome: 'allowed',
      decidingRule: 'warranty_replacement',
      options: ['replacement', 'refund'],
    });
    expect(renderReason(d.reasons[0]!, 'en-US')).toContain(
      '2 repairs of the same performance fault did not fix it',
    );
  });

  it('one failed repair: repair again, and say that the next failure means replacement', () => {
    const d = decide({ saleAt, now: shanghai(2027, 3, 1), failedRepairsOfSameFault: 1 });
    expect(d.decidingRule).toBe('warranty_repair');
    expect(keys(d)).toEqual([
      'policy.reason.sanbao.warrantyRepair',
      'policy.reason.sanbao.nextFailureReplacement',
    ]);
    expect(renderReason(d.reasons[1]!, 'en-US')).toBe(
      'Repair no. 2 of the same fault within 三包: if it fails again (2 failed repairs) → replacement or return',
    );
  });

  it('physical damage by the customer voids 三包 fault rights', () => {
    const d = decide({ saleAt, now: shanghai(2026, 11, 4), inspection: { grade: 'C-damaged' } });
    expect(d).toMatchObject({ outcome: 'refused', decidingRule: 'customer_damage' });
    expect(renderReason(d.reasons[0]!, 'en-US')).toBe(
      'Bought 2026-11-02, 2 days ago; physical damage (condition C damaged) is not covered by 三包 → paid repair only',
    );
  });

  it('a wrong item is the store’s error: refund/exchange in 7 days, exchange in 15, no repair', () => {
    expect(decide({ saleAt, now: shanghai(2026, 11, 6), reason: 'wrong_item' }).options).toEqual([
      'refund',
      'exchange',
    ]);
    expect(decide({ saleAt, now: shanghai(2026, 11, 12), reason: 'wrong_item' }).options).toEqual([
      'exchange',
    ]);
    const late = decide({ saleAt, now: shanghai(2026, 12, 12), reason: 'wrong_item' });
    expect(late.decidingRule).toBe('no_return_without_fault');
  });

  it('damaged on arrival counts as a fault even with grade C', () => {
    const d = decide({
      saleAt,
      now: shanghai(2026, 11, 3),
      reason: 'damaged_on_arrival',
      inspection: { grade: 'C-damaged' },
    });
    expect(d.decidingRule).toBe('fault_return');
  });
});

describe('三包 profile: returns without a fault', () => {
  it('phones have no no-reason return', () => {
    const d = decide({
      saleAt,
      now: shanghai(2026, 11, 3),
      reason: 'no_reason',
      inspection: { grade: 'A-new' },
    });
    expect(d).toMatchObject({
      outcome: 'refused',
      decidingRule: 'no_return_without_fault',
      restockingFeeBp: 0,
    });
    expect(renderReason(d.reasons[0]!, 'en-US')).toBe(
      'Bought 2026-11-02, 1 day ago; this category is not returnable without a fault → return only for a performance fault',
    );
  });

  it('audio has the store’s 7-day no-reason return: day 7 yes, day 8 no, no fee', () => {
    const base = {
      category: 'audio',
      saleAt,
      reason: 'no_reason' as const,
      inspection: { grade: 'B-opened' as const },
    };
    const d7 = decide({ ...base, now: shanghai(2026, 11, 9, 23, 59, 59, 999) });
    expect(d7).toMatchObject({
      outcome: 'allowed',
      decidingRule: 'no_reason_return',
      options: ['refund', 'exchange'],
      restockingFeeBp: 0,
    });
    expect(renderReason(d7.reasons[0]!, 'zh-CN')).toBe(
      '购买于 2026-11-02（7 天前）；7 天无理由退货（至 2026-11-09）→ 可退货或换货',
    );
    const d8 = decide({ ...base, now: shanghai(2026, 11, 10, 0) });
    expect(d8).toMatchObject({ outcome: 'refused', decidingRule: 'no_reason_window_expired' });
    expect(renderReason(d8.reasons[0]!, 'en-US')).toBe(
      'Bought 2026-11-02, 8 days ago; no-reason return window is 7 days (ended 2026-11-09) → return only for a performance fault',
    );
  });

  it('no-reason returns need the packaging and an acceptable grade', () => {
    const base = { category: 'audio', saleAt, now: shanghai(2026, 11, 4), reason: 'no_reason' as const };
    expect(decide({ ...base, inspection: { grade: 'B-opened', packagingIntact: false } }).decidingRule).toBe(
      'packaging_required',
    );
    expect(decide({ ...base, inspection: { grade: 'C-damaged' } }).decidingRule).toBe('grade_not_accepted');
  });

  it('a fault that inspection could not reproduce is a return without a fault', () => {
    const d = decide({ saleAt, now: shanghai(2026, 11, 4), inspection: { faultConfirmed: false } });
    expect(d.decidingRule).toBe('no_return_without_fault');
    expect(keys(d)).toContain('policy.reason.faultNotConfirmed');
    const audio = decide({
      category: 'audio',
      saleAt,
      now: shanghai(2026, 11, 4),
      inspection: { faultConfirmed: false },
    });
    expect(audio).toMatchObject({ outcome: 'allowed', decidingRule: 'no_reason_return' });
  });

  it('clearance is final sale for no-reason returns but keeps 三包 fault rights', () => {
    const base = { category: 'clearance', saleAt, now: shanghai(2026, 11, 3) };
    expect(decide({ ...base, reason: 'no_reason' }).decidingRule).toBe('final_sale');
    expect(decide({ ...base, reason: 'performance_fault' }).decidingRule).toBe('fault_return');
  });
});

describe('三包 profile: checks around the rules', () => {
  it('a serial that does not match the sale is refused whatever the window', () => {
    const d = decide({ saleAt, now: shanghai(2026, 11, 3), inspection: { serialMatches: false } });
    expect(d).toMatchObject({
      outcome: 'refused',
      decidingRule: 'serial_mismatch',
      overrideRefundMode: 'store_credit',
    });
    expect(decide({ saleAt, now: shanghai(2026, 11, 3), inspection: { serialMatches: null } }).outcome).toBe(
      'allowed',
    );
  });

  it('missing accessories or an amount above ¥5,000 need the manager; repair-only does not', () => {
    const now = shanghai(2026, 11, 4);
    const noCharger = decide({ saleAt, now, inspection: { accessoriesComplete: false } });
    expect(noCharger).toMatchObject({ outcome: 'needs_manager', decidingRule: 'fault_return' });
    expect(keys(noCharger)).toContain('policy.reason.accessoriesMissing');
    const dear = decide({ saleAt, now, lineNetMinor: 699900 });
    expect(dear.outcome).toBe('needs_manager');
    expect(renderReason(dear.reasons.at(-1)!, 'en-US')).toBe(
      'Amount ¥6,999.00 is above ¥5,000.00 → manager approval',
    );
    expect(decide({ saleAt, now, lineNetMinor: 500000 }).outcome).toBe('allowed');
    const repairOnly = decide({
      saleAt,
      now: shanghai(2026, 12, 30),
      lineNetMinor: 699900,
      inspection: { accessoriesComplete: false },
    });
    expect(repairOnly.outcome).toBe('allowed');
  });

  it('a sale dated after today needs the manager', () => {
    const d = decide({ saleAt, now: shanghai(2026, 11, 1, 23) });
    expect(d).toMatchObject({ outcome: 'needs_manager', decidingRule: 'sale_in_future', options: [] });
    expect(renderReason(d.reasons[0]!, 'en-US')).toBe(
      'Sale date 2026-11-02 is after today (2026-11-01) → check the sale; manager approval',
    );
  });

  it('no receipt: store credit up to ¥200 a month, over it the manager decides', () => {
    const base = {
      category: 'small_appliance',
      saleAt: null,
      hasReceipt: false,
      reason: 'no_reason' as const,
      inspection: { grade: 'A-new' as const },
    };
    const ok = decide({ ...base, lineNetMinor: 15900 });
    expect(ok).toMatchObject({
      outcome: 'allowed',
      decidingRule: 'no_receipt',
      options: ['store_credit', 'exchange'],
      window: null,
    });
    expect(renderReason(ok.reasons[0]!, 'en-US')).toBe(
      'No receipt: store credit at the lowest price of the last 90 days, up to ¥200.00 per customer per month',
    );
    const atLimit = decide({ ...base, lineNetMinor: 15900, noReceiptCreditThisMonthMinor: 4100 });
    expect(atLimit.outcome).toBe('allowed');
    const over = decide({ ...base, lineNetMinor: 15900, noReceiptCreditThisMonthMinor: 4101 });
    expect(over.outcome).toBe('needs_manager');
    expect(renderReason(over.reasons[1]!, 'zh-CN')).toBe(
      '无小票：本月已退 ¥41.01，加上本次 ¥159.00 超过 ¥200.00 的上限 → 需店长批准',
    );
  });

  it('no receipt: a fault claim is taken as store credit, but not on a damaged item', () => {
    const base = { saleAt: null, hasReceipt: false, lineNetMinor: 9900 };
    expect(decide(base)).toMatchObject({
      outcome: 'allowed',
      decidingRule: 'no_receipt',
      restockingFeeBp: 0,
    });
    expect(decide({ ...base, inspection: { grade: 'C-damaged' } })).toMatchObject({
      outcome: 'refused',
      decidingRule: 'grade_not_accepted',
    });
  });

  it('refuses programming errors loudly', () => {
    expect(() => decide({ timeZone: 'Mars/Olympus' })).toThrow(RangeError);
    expect(() => decide({ lineNetMinor: 1.5 })).toThrow(RangeError);
    expect(() => decide({ saleAt: null })).toThrow(RangeError);
  });
});
