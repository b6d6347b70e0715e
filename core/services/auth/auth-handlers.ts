/** Sign-in, badge switch, sign-out and the quick-switch staff list. */
import type { z } from 'zod';
import { activeStaff, permissionsOf } from '../../../db/repositories/staff/staff';
import { readSettings } from '../../../db/repositories/store/settings';
import type { sessionInfo } from '../../../shared/contract/methods/auth';
import type { CoreContext } from '../../context';
import type { MethodHandlers, CallContext } from '../../dispatch/handlers';
import { checkCredential, recentTerminalAlerts, type Credential } from './credentials';
import type { Session } from './session-store';

type SessionInfo = z.infer<typeof sessionInfo>;

export function toSessionInfo(core: CoreContext, s: Session): SessionInfo {
  return {
    idleLockMinutes: readSettings(core.db, core.storeId).idleLockMinutes,
    staff: { id: s.staffId, code: s.code, name: s.name, role: s.role },
    permissions: [...s.permissions],
    signedInAt: s.signedInAt,
  };
}

function signIn(core: CoreContext, ctx: CallContext, cred: Credential): SessionInfo {
  const staff = checkCredential(core, cred, ctx.now, { purpose: 'signIn', revealAttempts: false });
  core.sessions.end(ctx.conn.sessionToken);
  const session = core.sessions.create({
    staffId: staff.id,
    code: staff.code,
    name: staff.name,
    role: staff.role,
    permissions: permissionsOf(core.db, staff.role),
    signedInAt: ctx.now,
  });
  ctx.conn.sessionToken = session.token;
  const info = toSessionInfo(core, session);
  // Managers see the terminal alerts (PIN spraying) of the last 24 h when they sign in.
  if (session.permissions.has('override.approve')) {
    const alerts = recentTerminalAlerts(core, ctx.now);
    if (alerts.length > 0) return { ...info, terminalAlerts: alerts };
  }
  return info;
}

export const authHandlers: MethodHandlers<
  'auth.signIn' | 'auth.signInBadge' | 'auth.signOut' | 'auth.session' | 'auth.staffList'
> = {
  'auth.signIn': (input, ctx) => signIn(ctx.core, ctx, { code: input.code, pin: input.pin }),
  'auth.signInBadge': (input, ctx) => signIn(ctx.core, ctx, { badge: input.badge }),
  'auth.signOut': (_input, ctx) => {
    const ended = ctx.core.sessions.end(ctx.conn.sessionToken);
    ctx.conn.sessionToken = null;
    return { signedOut: ended };
  },
  'auth.session': (_input, ctx) => ({
    session: ctx.session ? toSessionInfo(ctx.core, ctx.session) : null,
  }),
  'auth.staffList': (_input, ctx) =>
    activeStaff(ctx.core.db, ctx.core.storeId).map((s) => ({
      id: s.id,
      code: s.code,
      name: s.name,
      role: s.role,
    })),
};
