/** Loads one repair job and keeps it fresh after each action (actions return the updated job). */
import { useCallback, useEffect, useState } from 'react';
import type { AppErrorValue } from '../../../../shared/contract/errors';
import type { RepairJob } from '../../../../shared/contract/methods/repairs';
import { useApi } from '../../app/api-context';

/** The job, its load error, a setter for updated jobs and a reload. */
export function useJob(jobId: string) {
  const api = useApi();
  const [job, setJob] = useState<RepairJob | null>(null);
  const [error, setError] = useState<AppErrorValue | null>(null);
  const reload = useCallback(async () => {
    const r = await api.call('repairs.get', { jobId });
    if (r.ok) {
      setJob(r.value);
      setError(null);
    } else setError(r.error);
  }, [api, jobId]);
  useEffect(() => {
    setJob(null);
    void reload();
  }, [reload]);
  return { job, error, setJob, reload };
}
