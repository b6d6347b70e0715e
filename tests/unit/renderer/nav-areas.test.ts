import { describe, expect, it } from 'vitest';
import { ROLE_DEFAULTS } from '../../../shared/contract/permissions';
import { visibleAreas } from '../../../renderer/src/features/shell/areas';

const ids = (role: keyof typeof ROLE_DEFAULTS) => visibleAreas(ROLE_DEFAULTS[role]).map((a) => a.id);

describe('navigation by role (default permissions)', () => {
  it('a clerk sees returns, repairs and reports (their own shift), not settings', () => {
    expect(ids('clerk')).toEqual(['returns', 'repairs', 'reports', 'devices']);
  });
  it('a technician sees repairs and the bench', () => {
    expect(ids('technician')).toEqual(['repairs', 'bench', 'reports', 'devices']);
  });
  it('an inspector sees returns and repairs', () => {
    expect(ids('inspector')).toEqual(['returns', 'repairs', 'reports', 'devices']);
  });
  it('a manager and an admin see every area', () => {
    const all = ['returns', 'repairs', 'bench', 'reports', 'devices', 'settings'];
    expect(ids('manager')).toEqual(all);
    expect(ids('admin')).toEqual(all);
  });
  it('no permissions, no areas', () => {
    expect(visibleAreas([])).toEqual([]);
  });
});
