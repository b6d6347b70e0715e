/** The recent print jobs (print.jobs), listed again whenever a `print.job` event says one changed. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorValue } from '../../../../shared/contract/errors';
import type { PrintJobView } from '../../../../shared/contract/methods/devices';
import { useApi } from '../../app/api-context';

export const QUEUE_LIMIT = 12;

export interface PrintQueue {
  jobs: PrintJobView[] | null;
  error: AppErrorValue | null;
  /** Lists the jobs again. */
  reload(): Promise<void>;
}

/** The newest QUEUE_LIMIT jobs, kept current while mounted. */
export function usePrintQueue(): PrintQueue {
  const api = useApi();
  const [jobs, setJobs] = useState<PrintJobView[] | null>(null);
  const [error, setError] = useState<AppErrorValue | null>(null);
  const generation = useRef(0);

  const reload = useCallback(async () => {
    // Answers can overtake each other; only the newest request's answer is shown.
    const mine = ++generation.current;
    const r = await api.call('print.jobs', { limit: QUEUE_LIMIT });
    if (mine !== generation.current) return;
    if (r.ok) {
      setJobs(r.value.jobs);
      setError(null);
    } else setError(r.error);
  }, [api]);

  useEffect(() => {
    void reload();
    const off = api.on('print.job', () => void reload());
    return () => {
      off();
      generation.current += 1;
    };
  }, [api, reload]);

  return { jobs, error, reload };
}
