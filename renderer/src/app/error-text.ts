/**
 * Turns any AppErrorValue into the sentence a clerk reads: its `errors.<CODE>` message in the
 * current locale with the details interpolated (objects flattened into words first).
 */
import type { TFunction } from 'i18next';
import type { AppErrorValue } from '../../../shared/contract/errors';
import { ROLES } from '../../../shared/contract/permissions';

type Params = Record<string, string | number | boolean>;

/** i18next context variants chosen from the details (key `errors.<CODE>_<context>`). */
function contextOf(error: AppErrorValue): string | undefined {
  if (error.code === 'AUTH_FAILED' && error.details.attemptsLeft === null) return 'unknownStaff';
  return undefined;
}

/** Details as interpolation parameters: primitives kept, known shapes turned into words. */
export function errorParams(error: AppErrorValue, t: TFunction): Params {
  const out: Params = {};
  for (const [k, v] of Object.entries(error.details)) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = v;
  }
  const role = error.details.role;
  if (typeof role === 'string' && (ROLES as readonly string[]).includes(role))
    out.role = t(`app.roles.${role}`);
  const issues = error.details.issues;
  if (Array.isArray(issues)) {
    out.fields = issues
      .map((i: unknown) => {
        const issue = i as { path?: unknown; message?: unknown };
        return typeof issue.path === 'string' && issue.path ? issue.path : String(issue.message ?? '?');
      })
      .join(', ');
  }
  return out;
}

/** The translated message of an error; unknown codes say "something went wrong (CODE)". */
export function errorText(error: AppErrorValue, t: TFunction, exists: (key: string) => boolean): string {
  if (!exists(error.messageKey)) return t('app.error.unknown', { code: error.code });
  const context = contextOf(error);
  return t(error.messageKey, { ...errorParams(error, t), ...(context ? { context } : {}) });
}
