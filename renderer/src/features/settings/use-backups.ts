/** Loads backup.status and runs the backup actions, keeping one feedback line (text or typed error). */
import { useCallback, useEffect, useState } from 'react';
import type { AppErrorValue, Result } from '../../../../shared/contract/errors';
import type { MethodOutput } from '../../../../shared/contract';
import { useApi } from '../../app/api-context';

export type BackupStatus = MethodOutput<'backup.status'>;
export type Feedback = { kind: 'ok'; text: string } | { kind: 'error'; error: AppErrorValue } | null;

/** Status, busy flag, feedback and a runner that refreshes the status after each action. */
export function useBackups() {
  const api = useApi();
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);

  const refresh = useCallback(async () => {
    const r = await api.call('backup.status', {});
    if (r.ok) setStatus(r.value);
    else setFeedback({ kind: 'error', error: r.error });
  }, [api]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  /** Runs `action`; on success shows `ok(value)`, on failure the typed error; then refreshes. */
  const run = useCallback(
    async <T>(action: () => Promise<Result<T>>, ok: (value: T) => string): Promise<boolean> => {
      setBusy(true);
      setFeedback(null);
      const r = await action();
      setBusy(false);
      setFeedback(r.ok ? { kind: 'ok', text: ok(r.value) } : { kind: 'error', error: r.error });
      await refresh();
      return r.ok;
    },
    [refresh],
  );

  return { api, status, busy, feedback, setFeedback, run };
}
