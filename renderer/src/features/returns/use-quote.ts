/**
 * Keeps a `returns.quote` for the current request: re-quoted shortly after the request changes,
 * answers to older requests dropped, and `current` false while the shown quote is for another
 * request (the flow never confirms money from a stale quote).
 */
import { useEffect, useRef, useState } from 'react';
import type { AppErrorValue } from '../../../../shared/contract/errors';
import type { Quote, QuoteInput } from '../../../../shared/contract/methods/returns';
import { useApi } from '../../app/api-context';

export interface QuoteState {
  quote: Quote | null;
  error: AppErrorValue | null;
  /** The request the shown quote (or error) answers. */
  forKey: string | null;
  /** True when the quote answers the request as it is now. */
  current: boolean;
  loading: boolean;
  /** The request as it is now (the one `current` refers to). */
  input: QuoteInput | null;
}

const DEBOUNCE_MS = 150;

/** Quotes `input` (null: nothing to quote) while `enabled`. */
export function useQuote(input: QuoteInput | null, enabled: boolean): QuoteState {
  const api = useApi();
  const key = input && enabled ? JSON.stringify(input) : null;
  const [state, setState] = useState<{
    quote: Quote | null;
    error: AppErrorValue | null;
    forKey: string | null;
  }>({
    quote: null,
    error: null,
    forKey: null,
  });
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);

  useEffect(() => {
    if (key === null) {
      seq.current++;
      setLoading(false);
      setState({ quote: null, error: null, forKey: null });
      return undefined;
    }
    const mine = ++seq.current;
    setLoading(true);
    const timer = setTimeout(() => {
      void api.call('returns.quote', JSON.parse(key) as QuoteInput).then((r) => {
        if (mine !== seq.current) return;
        setLoading(false);
        setState(
          r.ok ? { quote: r.value, error: null, forKey: key } : { quote: null, error: r.error, forKey: key },
        );
      });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [api, key]);

  return {
    ...state,
    current: key !== null && state.forKey === key,
    loading,
    input: key === null ? null : input,
  };
}
