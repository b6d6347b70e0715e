/**
 * Every word the returns screens and slips show exists in both locales: checklist items,
 * dispositions, statuses, causes, the returns service's own reasons, and the slip texts.
 */
import { describe, expect, it } from 'vitest';
import { MANAGER_CAUSES, LINE_STATUSES } from '../../../shared/contract/methods/returns';
import { CATEGORY_CHECKLISTS, CHECKLIST_ITEMS } from '../../../shared/domain/returns/checklists';
import { DISPOSITIONS, allowedDispositions } from '../../../shared/domain/returns/dispositions';
import { renderSentence } from '../../../shared/domain/returns/explain';
import { CONDITION_GRADES } from '../../../shared/domain/policy';
import { resources } from '../../../shared/i18n';
import { lookup } from '../../../shared/i18n/translate';
import { LOCALES } from '../../../shared/i18n/types';

describe('returns messages', () => {
  it('names every checklist item, disposition, status and cause in zh-CN and en-US', () => {
    const keys = [
      ...Object.keys(CHECKLIST_ITEMS).map((k) => `returns.checklist.${k}`),
      ...DISPOSITIONS.map((d) => `returns.disposition.${d}`),
      ...LINE_STATUSES.map((s) => `returns.status.${s}`),
      ...MANAGER_CAUSES.map((c) => `returns.cause.${c}`),
    ];
    const missing = LOCALES.flatMap((l) =>
      keys.filter((k) => !lookup(resources[l], k)).map((k) => `${l}: ${k}`),
    );
    expect(missing).toEqual([]);
  });

  it('every category list uses known items, and phones and laptops check the account lock', () => {
    for (const [category, items] of Object.entries(CATEGORY_CHECKLISTS)) {
      expect(
        items.every((i) => i in CHECKLIST_ITEMS),
        category,
      ).toBe(true);
      expect(new Set(items).size, category).toBe(items.length);
    }
    for (const c of ['phone', 'laptop']) {
      expect(CATEGORY_CHECKLISTS[c]).toEqual(
        expect.arrayContaining(['factory_reset', 'account_removed', 'serial_matches']),
      );
    }
    expect(CATEGORY_CHECKLISTS.audio).toEqual(
      expect.arrayContaining(['powers_on', 'charger_cable', 'manual', 'box']),
    );
  });

  it('a faulty or damaged item never goes back to the sellable shelf', () => {
    for (const g of CONDITION_GRADES) {
      expect(allowedDispositions(g, true)).not.toContain('restock');
      if (g !== 'A-new') expect(allowedDispositions(g, false)).not.toContain('restock');
    }
  });

  it('renders the service’s sentences with names and money in each locale', () => {
    const s = {
      key: 'returns.reason.resolutionNotOffered',
      params: { resolution: 'refund', options: 'exchange,repair' },
    };
    expect(renderSentence(s, 'zh-CN')).toBe('政策不提供“退款”，可选：换货、修理');
    expect(renderSentence(s, 'en-US')).toBe('Policy does not offer “Refund”; it offers: Exchange, Repair');
    const items = { key: 'returns.reason.checklistIncomplete', params: { items: 'powers_on,factory_reset' } };
    expect(renderSentence(items, 'zh-CN')).toBe('尚未检查：能正常开机/通电、已恢复出厂设置');
    expect(
      renderSentence(
        { key: 'returns.reason.feeWaiver', params: { amount: 13_485, currency: 'CNY' } },
        'en-US',
      ),
    ).toBe('Manager waives the restocking fee of ¥134.85');
    expect(renderSentence({ key: 'returns.reason.nonexistent', params: {} }, 'en-US')).toBe(
      'returns.reason.nonexistent',
    );
  });
});
