/**
 * Who is signed in on this connection, the store's app.info, and the link status. After the
 * link drops and comes back, core sees a new connection (signed out), so the shell returns to
 * sign-in and says why.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { Result } from '../../../shared/contract/errors';
import type { LinkStatus } from '../api/transport';
import { useApi } from './api-context';
import type { AppInfo, SessionInfo } from './session-types';

export interface SessionState {
  appInfo: AppInfo | null;
  session: SessionInfo | null;
  link: LinkStatus;
  /** Set when a session was lost because the link dropped. */
  lostByDrop: boolean;
  signIn(code: string, pin: string): Promise<Result<SessionInfo>>;
  signInBadge(badge: string): Promise<Result<SessionInfo>>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

/** Loads app.info and auth.session when the link opens, and keeps them current. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [appInfo, setAppInfo] = useState<AppInfo | null>(null);
  const [session, setSession] = useState<SessionInfo | null>(null);
  const [link, setLink] = useState<LinkStatus>(api.status());
  const [lostByDrop, setLostByDrop] = useState(false);
  const sessionRef = useRef<SessionInfo | null>(null);
  sessionRef.current = session;

  const load = useCallback(async () => {
    const [info, current] = await Promise.all([api.call('app.info', {}), api.call('auth.session', {})]);
    if (info.ok) setAppInfo(info.value);
    if (current.ok) {
      if (sessionRef.current && !current.value.session) setLostByDrop(true);
      setSession(current.value.session);
    }
  }, [api]);

  useEffect(() => {
    // The link may have opened before this effect subscribed.
    setLink(api.status());
    if (api.status() === 'open') void load();
    return api.onStatus((s) => {
      setLink(s);
      if (s === 'open') void load();
    });
  }, [api, load]);

  const accept = useCallback((r: Result<SessionInfo>) => {
    if (r.ok) {
      setSession(r.value);
      setLostByDrop(false);
    }
    return r;
  }, []);

  const value = useMemo<SessionState>(
    () => ({
      appInfo,
      session,
      link,
      lostByDrop,
      signIn: async (code, pin) => accept(await api.call('auth.signIn', { code, pin })),
      signInBadge: async (badge) => accept(await api.call('auth.signInBadge', { badge })),
      signOut: async () => {
        await api.call('auth.signOut', {});
        setSession(null);
      },
    }),
    [api, appInfo, session, link, lostByDrop, accept],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session state of the app. */
export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('SessionProvider is missing');
  return s;
}
