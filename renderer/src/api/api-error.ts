/** The error `api.invoke` throws: carries the typed AppErrorValue for the screen to explain. */
import type { AppErrorValue } from '../../../shared/contract/errors';

export class ApiError extends Error {
  readonly error: AppErrorValue;
  readonly method: string;

  constructor(method: string, error: AppErrorValue) {
    super(`${method}: ${error.code}`);
    this.name = 'ApiError';
    this.method = method;
    this.error = error;
  }

  /** Shortcut for `error.code`. */
  get code(): string {
    return this.error.code;
  }
}

/** True for an ApiError (also across bundles, by name). */
export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}
