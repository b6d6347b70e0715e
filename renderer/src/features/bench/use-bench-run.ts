/**
 * The bench run of one job: started (or resumed) with `bench.start`, then followed with `bench.state`
 * twice a second while steps are open — the meter feeds the run inside core, so the screen only
 * reads. Actions (retest, manual entry) return the new run at once.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AppErrorValue } from '../../../../shared/contract/errors';
import type { BenchRunView } from '../../../../shared/contract/methods/bench';
import { useApi } from '../../app/api-context';

const POLL_MS = 500;

/** Run state, last error and the actions. */
export function useBenchRun() {
  const api = useApi();
  const [run, setRun] = useState<BenchRunView | null>(null);
  const [error, setError] = useState<AppErrorValue | null>(null);

  const start = useCallback(
    async (jobId: string, meterSource: string | null, restart = false) => {
      setError(null);
      const r = await api.call('bench.start', {
        jobId,
        restart,
        ...(meterSource ? { meterSource } : {}),
      });
      if (r.ok) setRun(r.value);
      else setError(r.error);
    },
    [api],
  );

  const jobId = run?.jobId ?? null;
  const open = run !== null && !run.complete;
  useEffect(() => {
    if (!jobId || !open) return undefined;
    const timer = setInterval(() => {
      void api.call('bench.state', { jobId }).then((r) => r.ok && setRun(r.value));
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [api, jobId, open]);

  const retest = async (stepIndex: number) => {
    if (!jobId) return;
    setError(null);
    const r = await api.call('bench.retest', { jobId, stepIndex });
    if (r.ok) setRun(r.value);
    else setError(r.error);
  };
  const manual = async (stepIndex: number, value: number) => {
    if (!jobId) return;
    setError(null);
    const r = await api.call('bench.manualEntry', { jobId, stepIndex, value, note: '' });
    if (r.ok) setRun(r.value.run);
    else setError(r.error);
  };
  const clear = () => setRun(null);
  return { run, error, setError, start, retest, manual, clear };
}
