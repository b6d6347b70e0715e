/** Loads what the reports screen computes from: the repair queue (all or mine) and the instruments. */
import { useEffect, useState } from 'react';
import type { AppErrorValue } from '../../../../shared/contract/errors';
import { useApi } from '../../app/api-context';
import type { InstrumentRow, JobRow } from './report-figures';

export interface ReportData {
  jobs: JobRow[];
  instruments: InstrumentRow[];
}

/** Fetches jobs (only the caller's when `mine`) and instruments; error is the first failure. */
export function useReportData(mine: boolean): { data: ReportData | null; error: AppErrorValue | null } {
  const api = useApi();
  const [data, setData] = useState<ReportData | null>(null);
  const [error, setError] = useState<AppErrorValue | null>(null);
  useEffect(() => {
    let live = true;
    setData(null);
    void Promise.all([
      api.call('repairs.list', { includeClosed: true, mine, limit: 500 }),
      api.call('bench.instruments', {}),
    ]).then(([jobs, instruments]) => {
      if (!live) return;
      if (!jobs.ok) setError(jobs.error);
      else if (!instruments.ok) setError(instruments.error);
      else setData({ jobs: jobs.value, instruments: instruments.value });
    });
    return () => {
      live = false;
    };
  }, [api, mine]);
  return { data, error };
}
