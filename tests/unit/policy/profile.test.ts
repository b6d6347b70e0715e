import { describe, expect, it } from 'vitest';
import { parsePolicyProfile, rulesFor } from '../../../shared/domain/policy/profile';
import { cnSanbaoProfile } from '../../../shared/domain/policy/profiles/cn-sanbao';
import { genericRetailProfile } from '../../../shared/domain/policy/profiles/generic-retail';

describe('policy profiles are data checked by a schema', () => {
  it('both shipped profiles pass the schema', () => {
    expect(parsePolicyProfile(cnSanbaoProfile)).toEqual({ ok: true, profile: cnSanbaoProfile });
    expect(parsePolicyProfile(genericRetailProfile)).toEqual({ ok: true, profile: genericRetailProfile });
  });

  it('the 三包 profile carries the regulation’s numbers', () => {
    expect(rulesFor(cnSanbaoProfile, 'phone')).toMatchObject({
      faultReturnDays: 7,
      faultExchangeDays: 15,
      maxFailedRepairsBeforeReplacement: 2,
      noReasonReturnDays: 0,
      restockingFeeBp: 0,
    });
    expect(rulesFor(cnSanbaoProfile, 'audio').noReasonReturnDays).toBe(7);
    expect(rulesFor(cnSanbaoProfile, 'unknown-category')).toBe(cnSanbaoProfile.defaults);
  });

  it('the generic profile: 30 days, 15 % fee on opened items, ¥200 no-receipt limit', () => {
    const r = rulesFor(genericRetailProfile, null);
    expect(r.returnWindowDays).toBe(30);
    expect(r.restockingFeeBp).toBe(1500);
    expect(r.conditionRules['B-opened'].restockingFee).toBe(true);
    expect(r.noReceipt).toEqual({
      allowed: true,
      storeCreditOnly: true,
      priceRule: 'lowest_90d',
      monthlyLimitPerCustomerMinor: 20000,
    });
  });

  it('rejects contradictory or incomplete profiles with readable issues', () => {
    const bad = (patch: object) => parsePolicyProfile({ ...genericRetailProfile, ...patch });
    const shorterExchange = bad({ defaults: { ...genericRetailProfile.defaults, faultExchangeDays: 10 } });
    expect(shorterExchange).toMatchObject({ ok: false });
    expect(JSON.stringify(shorterExchange)).toContain('faultExchangeDays must be ≥ faultReturnDays');
    const faultWorseOff = bad({ categories: { tv: { returnWindowDays: 60 } } });
    expect(JSON.stringify(faultWorseOff)).toContain('categories.tv');
    const { 'C-damaged': _dropped, ...threeGrades } = genericRetailProfile.defaults.conditionRules;
    expect(bad({ defaults: { ...genericRetailProfile.defaults, conditionRules: threeGrades } }).ok).toBe(
      false,
    );
    expect(bad({ defaults: { ...genericRetailProfile.defaults, restockingFeeBp: 15.5 } }).ok).toBe(false);
    expect(bad({ defaults: { ...genericRetailProfile.defaults, overrideRefundMode: 'cash' } }).ok).toBe(
      false,
    );
    expect(parsePolicyProfile('not a profile').ok).toBe(false);
  });
});
