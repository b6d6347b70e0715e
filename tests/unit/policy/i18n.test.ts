import { describe, expect, it } from 'vitest';
import { renderReason, reasonParams } from '../../../shared/domain/policy/explain';
import type { PolicyProfile } from '../../../shared/domain/policy/profile';
import { cnSanbaoProfile } from '../../../shared/domain/policy/profiles/cn-sanbao';
import { genericRetailProfile } from '../../../shared/domain/policy/profiles/generic-retail';
import { allReasonKeys, type PolicyReason } from '../../../shared/domain/policy/reasons';
import {
  CONDITION_GRADES,
  OUTCOMES,
  RESOLUTIONS,
  RETURN_REASONS,
} from '../../../shared/domain/policy/vocabulary';
import { policyMessages } from '../../../shared/i18n/areas/policy';
import { lookup } from '../../../shared/i18n/translate';
import type { MessageTree } from '../../../shared/i18n/types';
import { decide, shanghai } from './helpers';

function leafKeys(tree: MessageTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : leafKeys(v, `${prefix}${k}.`),
  );
}

const strict: PolicyProfile = {
  ...genericRetailProfile,
  id: 'strict',
  defaults: {
    ...genericRetailProfile.defaults,
    conditionRules: {
      ...genericRetailProfile.defaults.conditionRules,
      'B-opened': { refund: false, exchange: true, restockingFee: false },
    },
    noReceipt: { ...genericRetailProfile.defaults.noReceipt, allowed: false },
  },
};

const storeWithExchange: PolicyProfile = {
  ...genericRetailProfile,
  id: 'store-exchange',
  defaults: { ...genericRetailProfile.defaults, faultExchangeDays: 45, maxFailedRepairsBeforeReplacement: 2 },
};

/** Scenarios that between them produce every reason key of both schemes. */
function catalogue(): PolicyReason[] {
  const saleAt = shanghai(2026, 11, 2, 10);
  const at = (y: number, m: number, d: number) => shanghai(y, m, d, 12);
  const out: PolicyReason[] = [];
  for (const profile of [cnSanbaoProfile, genericRetailProfile, storeWithExchange]) {
    const p = { profile, saleAt };
    const runs = [
      decide({ ...p, now: at(2026, 11, 3) }),
      decide({ ...p, now: at(2026, 11, 14) }),
      decide({ ...p, now: at(2026, 12, 12) }),
      decide({ ...p, now: at(2027, 3, 1), failedRepairsOfSameFault: 1 }),
      decide({ ...p, now: at(2027, 3, 1), failedRepairsOfSameFault: 2 }),
      decide({ ...p, now: at(2028, 1, 1) }),
      decide({ ...p, now: at(2026, 11, 3), inspection: { grade: 'C-damaged' } }),
      decide({ ...p, now: at(2026, 11, 3), inspection: { faultConfirmed: false, serialMatches: false } }),
      decide({
        ...p,
        now: at(2026, 11, 3),
        inspection: { faultConfirmed: false, accessoriesComplete: false },
        lineNetMinor: 900000,
      }),
      decide({
        ...p,
        category: 'audio',
        now: at(2026, 11, 4),
        reason: 'no_reason',
        inspection: { grade: 'B-opened' },
      }),
      decide({ ...p, category: 'audio', now: at(2026, 12, 30), reason: 'no_reason' }),
      decide({ ...p, category: 'clearance', now: at(2026, 11, 4), reason: 'no_reason' }),
      decide({
        ...p,
        category: 'audio',
        now: at(2026, 11, 4),
        reason: 'no_reason',
        inspection: { grade: 'C-damaged' },
      }),
      decide({
        ...p,
        category: 'audio',
        now: at(2026, 11, 4),
        reason: 'no_reason',
        inspection: { packagingIntact: false },
      }),
      decide({ ...p, now: at(2026, 11, 1) }),
      decide({
        ...p,
        saleAt: null,
        hasReceipt: false,
        noReceiptCreditThisMonthMinor: 19000,
        now: at(2026, 11, 4),
      }),
    ];
    out.push(...runs.flatMap((d) => d.reasons));
  }
  const strictRuns = [
    decide({
      profile: strict,
      saleAt,
      now: shanghai(2026, 11, 4),
      reason: 'no_reason',
      inspection: { grade: 'B-opened' },
    }),
    decide({ profile: strict, saleAt: null, hasReceipt: false, now: shanghai(2026, 11, 4) }),
  ];
  return [...out, ...strictRuns.flatMap((d) => d.reasons)];
}

describe('policy i18n area', () => {
  it('has the same keys in zh-CN and en-US, all under policy.*', () => {
    const zh = leafKeys(policyMessages['zh-CN']).sort();
    expect(leafKeys(policyMessages['en-US']).sort()).toEqual(zh);
    for (const k of zh) expect(k.startsWith('policy.')).toBe(true);
  });

  it('has a sentence for every reason key and a name for every reason, grade, resolution and outcome', () => {
    const keys = [
      ...allReasonKeys(),
      ...RETURN_REASONS.map((r) => `policy.returnReason.${r}`),
      ...CONDITION_GRADES.map((g) => `policy.grade.${g}`),
      ...RESOLUTIONS.map((r) => `policy.resolution.${r}`),
      ...OUTCOMES.map((o) => `policy.outcome.${o}`),
    ];
    for (const locale of ['zh-CN', 'en-US'] as const) {
      for (const key of keys) expect(lookup(policyMessages[locale], key), `${locale} ${key}`).toBeTruthy();
    }
  });

  it('uses the same placeholders in both locales', () => {
    const placeholders = (s: string | undefined) =>
      [...(s ?? '').matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const key of leafKeys(policyMessages['zh-CN'])) {
      expect(placeholders(lookup(policyMessages['en-US'], key)), key).toEqual(
        placeholders(lookup(policyMessages['zh-CN'], key)),
      );
    }
  });

  it('every reason a decision can give renders to a full sentence in both locales', () => {
    const reasons = catalogue();
    const produced = new Set(reasons.map((r) => r.key));
    expect(allReasonKeys().filter((k) => !produced.has(k))).toEqual([]);
    for (const reason of reasons) {
      for (const locale of ['zh-CN', 'en-US'] as const) {
        const template = lookup(policyMessages[locale], reason.key) ?? '';
        const params = reasonParams(reason, locale);
        for (const m of template.matchAll(/\{\{(\w+)\}\}/g))
          expect(params, `${reason.key} ${m[1]}`).toHaveProperty(m[1]!);
        expect(renderReason(reason, locale)).not.toMatch(/\{\{|undefined|NaN|policy\./);
      }
    }
  });

  it('says "today" and "1 day ago" properly', () => {
    const sameDay = decide({ saleAt: shanghai(2026, 11, 2, 9), now: shanghai(2026, 11, 2, 20) });
    expect(renderReason(sameDay.reasons[0]!, 'en-US')).toMatch(/^Bought 2026-11-02, today;/);
    expect(renderReason(sameDay.reasons[0]!, 'zh-CN')).toMatch(/^购买于 2026-11-02（当天）；/);
  });
});
