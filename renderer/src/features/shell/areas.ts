/**
 * The areas of the left navigation, their function keys and who sees them. An area is shown when
 * the signed-in staff holds any of its permissions.
 *
 * Reports and Settings are gated on the manager's permissions (reports.daily, settings.manage):
 * every role's defaults include reports.own-shift and settings.read (the technical read access
 * screens need), and those alone must not put a manager's screen in a clerk's navigation.
 */
import type { Permission } from '../../../../shared/contract/permissions';
import type { Hotkey } from '../../app/hotkeys';

export const AREA_IDS = ['returns', 'repairs', 'bench', 'reports', 'devices', 'settings'] as const;
export type AreaId = (typeof AREA_IDS)[number];

export interface AreaDef {
  id: AreaId;
  /** Function key that opens the area from anywhere in the shell. */
  hotkey?: Hotkey;
  /** i18n key of the hotkey's action name (shown in help). */
  hotkeyLabel?: string;
  permissions: readonly Permission[];
}

export const AREAS: readonly AreaDef[] = [
  { id: 'returns', hotkey: 'F2', hotkeyLabel: 'app.keys.findSale', permissions: ['returns.read'] },
  { id: 'repairs', hotkey: 'F3', hotkeyLabel: 'app.keys.newRepair', permissions: ['repairs.read'] },
  { id: 'bench', hotkey: 'F4', hotkeyLabel: 'app.keys.bench', permissions: ['bench.run'] },
  { id: 'reports', permissions: ['reports.daily', 'reports.own-shift'] },
  { id: 'devices', permissions: ['devices.read'] },
  { id: 'settings', permissions: ['settings.manage'] },
];

/** The areas a set of permissions may open, in navigation order. */
export function visibleAreas(permissions: readonly string[]): AreaDef[] {
  return AREAS.filter((a) => a.permissions.some((p) => permissions.includes(p)));
}
