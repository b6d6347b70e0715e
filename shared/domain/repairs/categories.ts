/**
 * Repair data per device category, as data: the fault list the clerk picks from, the intake
 * condition checklist, the accessories a customer may leave, the SLA (business days to the
 * promised date) and the manufacturer's warranty. Texts are i18n keys under `repairs.*`
 * (shared/i18n/areas/repairs.ts). A category without its own entry uses `other`.
 */

export const FAULT_CODES = [
  'no_power',
  'not_charging',
  'battery',
  'screen',
  'touch',
  'keyboard',
  'overheating',
  'no_boot',
  'liquid_damage',
  'audio',
  'microphone',
  'camera',
  'network',
  'buttons',
  'noise',
  'motor',
  'heating',
  'cooling',
  'leaking',
  'connectivity',
  'physical_damage',
  'other',
] as const;
export type FaultCode = (typeof FAULT_CODES)[number];

export const CONDITION_ITEMS = [
  'casing',
  'screen',
  'ports',
  'buttons',
  'water_indicator',
  'powers_on',
  'missing_parts',
  'power_cord',
  'seals',
] as const;
export type ConditionItem = (typeof CONDITION_ITEMS)[number];

/** ok: nothing to note · issue: noted (describe it, add a photo) · not_checked: could not be checked. */
export const CONDITION_STATES = ['ok', 'issue', 'not_checked'] as const;
export type ConditionState = (typeof CONDITION_STATES)[number];

export const ACCESSORY_CODES = [
  'charger',
  'cable',
  'bag',
  'box',
  'case',
  'sim_tray',
  'charging_case',
  'remote',
  'power_cord',
  'manual',
  'mouse',
] as const;
export type AccessoryCode = (typeof ACCESSORY_CODES)[number];

/** QC checklist items, the same for every category; `na` is allowed only where marked. */
export const QC_ITEMS = [
  'fault_fixed',
  'functional_test',
  'bench_tests_passed',
  'no_new_damage',
  'fasteners',
  'accessories_ready',
] as const;
export type QcItem = (typeof QC_ITEMS)[number];
/** Items that may be `na` (e.g. no bench plan for the category). */
export const QC_ITEMS_NA_ALLOWED: readonly QcItem[] = ['bench_tests_passed', 'accessories_ready'];

export interface RepairCategory {
  code: string;
  faults: readonly FaultCode[];
  checklist: readonly ConditionItem[];
  accessories: readonly AccessoryCode[];
  /** Business days (Mon–Fri, store time) from intake to the promised date. */
  slaBusinessDays: number;
  /** Manufacturer's warranty from the purchase, in calendar months (after 三包 / store warranty ends). */
  manufacturerWarrantyMonths: number;
  /** The device can hold a passcode (the intake asks how it is handled). */
  hasPasscode: boolean;
}

const OTHER: RepairCategory = {
  code: 'other',
  faults: ['no_power', 'not_charging', 'buttons', 'noise', 'physical_damage', 'other'],
  checklist: ['casing', 'ports', 'powers_on', 'missing_parts'],
  accessories: ['charger', 'cable', 'box', 'manual'],
  slaBusinessDays: 7,
  manufacturerWarrantyMonths: 12,
  hasPasscode: false,
};

export const REPAIR_CATEGORIES: Readonly<Record<string, RepairCategory>> = {
  phone: {
    code: 'phone',
    faults: [
      'screen',
      'touch',
      'battery',
      'not_charging',
      'no_power',
      'no_boot',
      'camera',
      'audio',
      'microphone',
      'network',
      'buttons',
      'liquid_damage',
      'physical_damage',
      'other',
    ],
    checklist: ['casing', 'screen', 'ports', 'buttons', 'water_indicator', 'powers_on', 'missing_parts'],
    accessories: ['charger', 'cable', 'case', 'sim_tray', 'box'],
    slaBusinessDays: 3,
    manufacturerWarrantyMonths: 12,
    hasPasscode: true,
  },
  laptop: {
    code: 'laptop',
    faults: [
      'not_charging',
      'no_power',
      'no_boot',
      'battery',
      'screen',
      'keyboard',
      'touch',
      'overheating',
      'noise',
      'audio',
      'connectivity',
      'liquid_damage',
      'physical_damage',
      'other',
    ],
    checklist: ['casing', 'screen', 'ports', 'buttons', 'water_indicator', 'powers_on', 'missing_parts'],
    accessories: ['charger', 'bag', 'mouse', 'box'],
    slaBusinessDays: 5,
    manufacturerWarrantyMonths: 24,
    hasPasscode: true,
  },
  audio: {
    code: 'audio',
    faults: ['no_power', 'not_charging', 'battery', 'audio', 'noise', 'connectivity', 'buttons', 'other'],
    checklist: ['casing', 'ports', 'buttons', 'powers_on', 'missing_parts'],
    accessories: ['charger', 'cable', 'remote', 'box', 'manual'],
    slaBusinessDays: 5,
    manufacturerWarrantyMonths: 12,
    hasPasscode: false,
  },
  headphones: {
    code: 'headphones',
    faults: [
      'no_power',
      'not_charging',
      'battery',
      'audio',
      'microphone',
      'connectivity',
      'buttons',
      'other',
    ],
    checklist: ['casing', 'ports', 'buttons', 'powers_on', 'missing_parts'],
    accessories: ['charging_case', 'cable', 'box'],
    slaBusinessDays: 5,
    manufacturerWarrantyMonths: 12,
    hasPasscode: false,
  },
  small_appliance: {
    code: 'small_appliance',
    faults: ['no_power', 'heating', 'motor', 'noise', 'leaking', 'buttons', 'physical_damage', 'other'],
    checklist: ['casing', 'power_cord', 'buttons', 'powers_on', 'missing_parts', 'seals'],
    accessories: ['power_cord', 'box', 'manual'],
    slaBusinessDays: 5,
    manufacturerWarrantyMonths: 12,
    hasPasscode: false,
  },
  large_appliance: {
    code: 'large_appliance',
    faults: ['no_power', 'cooling', 'heating', 'motor', 'noise', 'leaking', 'buttons', 'other'],
    checklist: ['casing', 'power_cord', 'buttons', 'powers_on', 'missing_parts', 'seals'],
    accessories: ['power_cord', 'remote', 'manual'],
    slaBusinessDays: 7,
    manufacturerWarrantyMonths: 36,
    hasPasscode: false,
  },
  accessories: {
    code: 'accessories',
    faults: ['not_charging', 'no_power', 'connectivity', 'physical_damage', 'other'],
    checklist: ['casing', 'ports', 'missing_parts'],
    accessories: ['cable', 'box'],
    slaBusinessDays: 3,
    manufacturerWarrantyMonths: 6,
    hasPasscode: false,
  },
  other: OTHER,
};

/** The repair data of a category; unknown categories get `other`'s (generic list, 7 business days). */
export function repairCategory(code: string | null | undefined): RepairCategory {
  return (code ? REPAIR_CATEGORIES[code] : undefined) ?? { ...OTHER, code: code ?? 'other' };
}

/** True when the fault code is on the category's list. */
export function isFaultOf(category: RepairCategory, fault: string): fault is FaultCode {
  return (category.faults as readonly string[]).includes(fault);
}
