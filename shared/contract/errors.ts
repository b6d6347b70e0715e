/**
 * Typed errors that cross the contract boundary as values, never as stack traces.
 * A code is UPPER_SNAKE_CASE; its message is the i18n key `errors.<CODE>` in every locale
 * (tests/unit/i18n checks that every code thrown anywhere has both translations).
 */
import { z } from 'zod';

export const appErrorSchema = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
  messageKey: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export type AppErrorValue = z.infer<typeof appErrorSchema>;

export type ErrorDetails = Record<string, unknown>;

export class AppError extends Error {
  readonly code: string;
  readonly details: ErrorDetails;

  constructor(code: string, details: ErrorDetails = {}, message?: string) {
    super(message ?? code);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toValue(): AppErrorValue {
    return { code: this.code, messageKey: `errors.${this.code}`, details: this.details };
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** Envelope every call returns on every transport. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorValue };

export function toErrorValue(e: unknown): AppErrorValue {
  if (isAppError(e)) return e.toValue();
  return { code: 'INTERNAL', messageKey: 'errors.INTERNAL', details: {} };
}
