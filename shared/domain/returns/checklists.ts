/**
 * Inspection checklists per product category, as data. Each item has an effect: what a ✗ on it means
 * for the policy decision. The returns service reads the answers through these effects (core never
 * trusts the renderer's summary flags alone: any ✗ wins), and the renderer shows the same lists with
 * the labels `returns.checklist.<item>`.
 */

/** What a failed (✗) item means. */
export const CHECKLIST_EFFECTS = [
  /** Original box / seal: ✗ → packaging not intact. */
  'packaging',
  /** Something that came in the box: ✗ → accessories incomplete. */
  'accessory',
  /** Physical condition: ✗ → the grade is C-damaged whatever the clerk picked. */
  'damage',
  /** The serial/IMEI on the item is the one sold: ✗ → serial mismatch (refused, not overridable). */
  'serial',
  /** The item works (powers on): ✗ on a return without a fault reason → needs a manager. */
  'function',
  /** The claimed fault shows at the counter: ✓ reproduced, ✗ not reproduced. */
  'fault',
  /** Factory reset / cloud account removed: ✗ → the return is blocked until the customer removes it. */
  'account_lock',
] as const;
export type ChecklistEffect = (typeof CHECKLIST_EFFECTS)[number];

/** Every checklist item and its effect; the label is the i18n key `returns.checklist.<id>`. */
export const CHECKLIST_ITEMS = {
  box: 'packaging',
  seal_intact: 'packaging',
  charger: 'accessory',
  charger_cable: 'accessory',
  manual: 'accessory',
  ear_tips: 'accessory',
  remote: 'accessory',
  bag: 'accessory',
  no_physical_damage: 'damage',
  screen_intact: 'damage',
  no_liquid_damage: 'damage',
  battery_not_swollen: 'damage',
  clean_unused: 'damage',
  serial_matches: 'serial',
  powers_on: 'function',
  fault_reproduced: 'fault',
  factory_reset: 'account_lock',
  account_removed: 'account_lock',
} as const satisfies Record<string, ChecklistEffect>;
export type ChecklistItemId = keyof typeof CHECKLIST_ITEMS;

/** The items asked for each category code; `default` for categories not listed. */
export const CATEGORY_CHECKLISTS: Readonly<Record<string, readonly ChecklistItemId[]>> = {
  phone: [
    'box',
    'charger_cable',
    'manual',
    'no_physical_damage',
    'screen_intact',
    'no_liquid_damage',
    'serial_matches',
    'powers_on',
    'factory_reset',
    'account_removed',
    'fault_reproduced',
  ],
  laptop: [
    'box',
    'charger',
    'manual',
    'no_physical_damage',
    'screen_intact',
    'battery_not_swollen',
    'serial_matches',
    'powers_on',
    'factory_reset',
    'account_removed',
    'fault_reproduced',
  ],
  audio: [
    'box',
    'charger_cable',
    'manual',
    'no_physical_damage',
    'serial_matches',
    'powers_on',
    'fault_reproduced',
  ],
  headphones: [
    'box',
    'charger_cable',
    'ear_tips',
    'manual',
    'no_physical_damage',
    'powers_on',
    'fault_reproduced',
  ],
  small_appliance: ['box', 'manual', 'no_physical_damage', 'clean_unused', 'powers_on', 'fault_reproduced'],
  large_appliance: [
    'box',
    'manual',
    'remote',
    'no_physical_damage',
    'serial_matches',
    'powers_on',
    'fault_reproduced',
  ],
  accessories: ['box', 'seal_intact', 'no_physical_damage', 'fault_reproduced'],
  default: ['box', 'manual', 'no_physical_damage', 'powers_on', 'fault_reproduced'],
};

/** The checklist of a category (the default list for an unknown or missing category). */
export function checklistFor(category: string | null | undefined): readonly ChecklistItemId[] {
  return (category ? CATEGORY_CHECKLISTS[category] : undefined) ?? CATEGORY_CHECKLISTS.default ?? [];
}

/** True when `id` is a known checklist item. */
export function isChecklistItem(id: string): id is ChecklistItemId {
  return Object.prototype.hasOwnProperty.call(CHECKLIST_ITEMS, id);
}

/**
 * Items that must be answered before a line can be committed: every item of the category's list,
 * except the serial item when the sale recorded no serial and the fault item when no fault is claimed.
 */
export function requiredChecklistItems(
  category: string | null | undefined,
  opts: { hasSerial: boolean; faultClaimed: boolean },
): ChecklistItemId[] {
  return checklistFor(category).filter((id) => {
    const effect = CHECKLIST_ITEMS[id];
    if (effect === 'serial') return opts.hasSerial;
    if (effect === 'fault') return opts.faultClaimed;
    return true;
  });
}
