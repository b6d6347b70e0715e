/** A committed return's detail, slip preview and print jobs, kept current by the `print.job` events. */
import { useCallback, useEffect, useState } from 'react';
import type { AppErrorValue } from '../../../../shared/contract/errors';
import type { ReturnDetail } from '../../../../shared/contract/methods/returns';
import { useApi } from '../../app/api-context';

export interface ReturnDetailState {
  detail: ReturnDetail | null;
  slipHtml: string | null;
  error: AppErrorValue | null;
  /** Status of each print job of this return by job id (events update it). */
  jobs: { id: number; status: string; reprintOf: number | null }[];
  reload(): Promise<void>;
}

/** Loads returns.get + returns.slipPreview for `returnId` and follows its print jobs. */
export function useReturnDetail(returnId: string | null): ReturnDetailState {
  const api = useApi();
  const [detail, setDetail] = useState<ReturnDetail | null>(null);
  const [slipHtml, setSlipHtml] = useState<string | null>(null);
  const [error, setError] = useState<AppErrorValue | null>(null);
  const [jobs, setJobs] = useState<ReturnDetailState['jobs']>([]);

  const reload = useCallback(async () => {
    if (!returnId) return;
    const [d, s] = await Promise.all([
      api.call('returns.get', { returnId }),
      api.call('returns.slipPreview', { returnId }),
    ]);
    if (d.ok) {
      setDetail(d.value);
      setJobs(d.value.printJobs.map((j) => ({ id: j.id, status: j.status, reprintOf: j.reprintOf })));
    } else setError(d.error);
    if (s.ok) setSlipHtml(s.value.html);
    else if (d.ok) setError(s.error);
  }, [api, returnId]);

  useEffect(() => {
    setDetail(null);
    setSlipHtml(null);
    setError(null);
    setJobs([]);
    void reload();
  }, [reload]);

  useEffect(() => {
    if (!returnId) return undefined;
    return api.on('print.job', (p) => {
      if (p.docRef !== returnId) return;
      setJobs((js) =>
        js.some((j) => j.id === p.jobId)
          ? js.map((j) => (j.id === p.jobId ? { ...j, status: p.status } : j))
          : [...js, { id: p.jobId, status: p.status, reprintOf: null }],
      );
    });
  }, [api, returnId]);

  return { detail, slipHtml, error, jobs, reload };
}
