/** Signed-in sessions, in memory: a restart signs everyone out, which is what a counter expects. */
import { randomBytes } from 'node:crypto';
import type { Permission, Role } from '../../../shared/contract/permissions';

export interface Session {
  token: string;
  staffId: number;
  code: string;
  name: string;
  role: Role;
  permissions: Set<Permission>;
  signedInAt: number;
  lastSeenAt: number;
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly idleMs: number = 12 * 60 * 60 * 1000) {}

  create(s: Omit<Session, 'token' | 'lastSeenAt'>): Session {
    const session: Session = { ...s, token: randomBytes(24).toString('base64url'), lastSeenAt: s.signedInAt };
    this.sessions.set(session.token, session);
    return session;
  }

  /** The live session for a token, refreshing its idle timer; null when unknown or expired. */
  get(token: string | null, now: number): Session | null {
    if (!token) return null;
    const s = this.sessions.get(token);
    if (!s) return null;
    if (now - s.lastSeenAt > this.idleMs) {
      this.sessions.delete(token);
      return null;
    }
    s.lastSeenAt = now;
    return s;
  }

  /** True when the token has a live session, without refreshing its idle timer (pushing events). */
  isLive(token: string | null, now: number): boolean {
    const s = token ? this.sessions.get(token) : undefined;
    return s !== undefined && now - s.lastSeenAt <= this.idleMs;
  }

  end(token: string | null): boolean {
    return token ? this.sessions.delete(token) : false;
  }

  /** Drop every session of a staff member (deactivated, role changed). */
  endForStaff(staffId: number): void {
    for (const [t, s] of this.sessions) if (s.staffId === staffId) this.sessions.delete(t);
  }
}
