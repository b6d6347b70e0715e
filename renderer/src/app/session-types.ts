/** Shapes the shell works with, derived from the contract. */
import type { MethodOutput } from '../../../shared/contract';
import type { Permission } from '../../../shared/contract/permissions';

export type AppInfo = MethodOutput<'app.info'>;
export type SessionInfo = MethodOutput<'auth.signIn'>;

/** True when the signed-in staff holds any of the permissions. */
export function hasAny(session: SessionInfo | null, perms: readonly Permission[]): boolean {
  return session !== null && perms.some((p) => session.permissions.includes(p));
}
