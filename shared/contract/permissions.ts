/**
 * Permissions a contract method can require, and the roles that hold them by default.
 * The database keeps the live role → permission table (seeded from ROLE_DEFAULTS); core checks it.
 */
export const PERMISSIONS = [
  'sales.read',
  'sales.import',
  'returns.read',
  'returns.create',
  'repairs.read',
  'repairs.intake',
  'repairs.work',
  'repairs.qc',
  'bench.run',
  'reports.daily',
  'reports.kpi',
  'reports.own-shift',
  'override.approve',
  'devices.read',
  'devices.manage',
  'settings.read',
  'settings.manage',
  'staff.read',
  'staff.manage',
  'audit.verify',
  'backup.manage',
  /** Every print job, not only one's own (the print queue of the whole counter). */
  'print.manage',
  /** Parts cost (what the store paid), on the job screen and the parts list. */
  'parts.cost',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = ['clerk', 'technician', 'inspector', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Access level of a method: a permission, any signed-in staff, or no sign-in at all. */
export type Access = Permission | 'signed-in' | 'public';

const CLERK: Permission[] = [
  'sales.read',
  'returns.read',
  'returns.create',
  'repairs.read',
  'repairs.intake',
  'reports.own-shift',
  'devices.read',
  'settings.read',
  'staff.read',
];
const TECHNICIAN: Permission[] = [
  'sales.read',
  'repairs.read',
  'repairs.work',
  'bench.run',
  'reports.own-shift',
  'devices.read',
  'settings.read',
  'staff.read',
];
const INSPECTOR: Permission[] = [
  'sales.read',
  'returns.read',
  'repairs.read',
  'repairs.qc',
  'reports.own-shift',
  'devices.read',
  'settings.read',
  'staff.read',
];
const MANAGER: Permission[] = [
  ...new Set<Permission>([
    ...CLERK,
    ...TECHNICIAN,
    ...INSPECTOR,
    'sales.import',
    'reports.daily',
    'reports.kpi',
    'override.approve',
    'devices.manage',
    'settings.manage',
    'audit.verify',
    'backup.manage',
    'print.manage',
    'parts.cost',
  ]),
];

export const ROLE_DEFAULTS: Record<Role, readonly Permission[]> = {
  clerk: CLERK,
  technician: TECHNICIAN,
  inspector: INSPECTOR,
  manager: MANAGER,
  admin: [...PERMISSIONS],
};
