/** Typed error values that a transport produces itself (never thrown by core). */
import type { AppErrorValue, Result } from '../../../shared/contract/errors';

/** An error envelope with messageKey `errors.<code>`. */
export function transportError(code: string, details: Record<string, unknown> = {}): Result<never> {
  const error: AppErrorValue = { code, messageKey: `errors.${code}`, details };
  return { ok: false, error };
}

/** True when a value has the shape of a Result envelope. */
export function isResultEnvelope(v: unknown): v is Result<unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as { ok?: unknown; error?: unknown };
  if (r.ok === true) return 'value' in r;
  if (r.ok !== false || typeof r.error !== 'object' || r.error === null) return false;
  const e = r.error as { code?: unknown; messageKey?: unknown; details?: unknown };
  return (
    typeof e.code === 'string' &&
    typeof e.messageKey === 'string' &&
    typeof e.details === 'object' &&
    e.details !== null
  );
}
