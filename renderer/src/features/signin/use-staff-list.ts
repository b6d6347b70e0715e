/** Loads the active staff for the quick-switch list (auth.staffList). */
import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../../../shared/contract';
import type { AppErrorValue } from '../../../../shared/contract/errors';
import { useApi } from '../../app/api-context';

export type StaffList = MethodOutput<'auth.staffList'>;

/** The list (null while loading) and the error if loading failed. */
export function useStaffList(): { staff: StaffList | null; error: AppErrorValue | null } {
  const api = useApi();
  const [staff, setStaff] = useState<StaffList | null>(null);
  const [error, setError] = useState<AppErrorValue | null>(null);
  useEffect(() => {
    let live = true;
    void api.call('auth.staffList', {}).then((r) => {
      if (!live) return;
      if (r.ok) setStaff(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [api]);
  return { staff, error };
}
