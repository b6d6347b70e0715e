/**
 * Saves the return in progress as a draft (returns.saveDraft) shortly after every change, one save
 * at a time, so it survives a reload, a crash or a clerk switch; `flush` saves now (before a commit).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppErrorValue } from '../../../../shared/contract/errors';
import { useApi } from '../../app/api-context';
import type { ReturnWork } from './work';

const DEBOUNCE_MS = 500;

export interface DraftSaver {
  draftId: string | null;
  saving: boolean;
  /** True when the work as it is now is the saved draft (nothing waits to be saved). */
  upToDate: boolean;
  savedAt: number | null;
  error: AppErrorValue | null;
  /** Saves the given work now (waits for a save under way first). */
  flush(work: ReturnWork, title: string): Promise<void>;
  /** Forgets the draft id (a new return starts a new draft). */
  reset(draftId?: string | null): void;
  /** Deletes the draft (after commit, or when the clerk discards it). */
  remove(): Promise<void>;
}

/** Auto-saves `work` under `title` while `enabled`. */
export function useDraftAutosave(work: ReturnWork, title: string, enabled: boolean): DraftSaver {
  const api = useApi();
  const idRef = useRef<string | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const lastSaved = useRef<string | null>(null);
  /** Bumped by reset(): a save that started for the previous return must not adopt its id. */
  const generation = useRef(0);
  const [draftId, setDraftId] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const [savedJson, setSavedJson] = useState<string | null>(null);
  const [error, setError] = useState<AppErrorValue | null>(null);

  const save = useCallback(
    (data: ReturnWork, t: string): Promise<void> => {
      const json = JSON.stringify({ data, t });
      const gen = generation.current;
      chain.current = chain.current.then(async () => {
        if (json === lastSaved.current || gen !== generation.current) return;
        setSaving(true);
        const r = await api.call('returns.saveDraft', {
          ...(idRef.current ? { draftId: idRef.current } : {}),
          title: t || '—',
          data,
        });
        setSaving(false);
        if (gen !== generation.current) return;
        if (r.ok) {
          idRef.current = r.value.id;
          lastSaved.current = json;
          setSavedJson(json);
          setDraftId(r.value.id);
          setSavedAt(r.value.updatedAt);
          setError(null);
        } else setError(r.error);
      });
      return chain.current;
    },
    [api],
  );

  const json = enabled ? JSON.stringify(work) : null;
  const upToDate = json === null || JSON.stringify({ data: work, t: title }) === savedJson;
  useEffect(() => {
    if (json === null) return undefined;
    const timer = setTimeout(() => void save(JSON.parse(json) as ReturnWork, title), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [json, title, save]);

  const reset = useCallback((id: string | null = null) => {
    generation.current++;
    idRef.current = id;
    lastSaved.current = null;
    setSavedJson(null);
    setDraftId(id);
    setSavedAt(null);
    setError(null);
  }, []);

  const remove = useCallback(async () => {
    await chain.current;
    const id = idRef.current;
    if (!id) return;
    await api.call('returns.deleteDraft', { draftId: id });
    reset(null);
  }, [api, reset]);

  return useMemo(
    () => ({ draftId, saving, upToDate, savedAt, error, flush: save, reset, remove }),
    [draftId, saving, upToDate, savedAt, error, save, reset, remove],
  );
}
