/**
 * The web bridge token: read from `#token=…` on first load, kept in sessionStorage (so a reload
 * of the tab still works) and removed from the visible URL so it is not shared by copy-paste.
 */
export const TOKEN_STORAGE_KEY = 'counterdesk.bridgeToken';

/** The parts of `window` this module touches, so tests can pass fakes. */
export interface TokenEnv {
  location: { readonly hash: string; readonly pathname: string; readonly search: string };
  sessionStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
  history: {
    readonly state: unknown;
    replaceState(data: unknown, unused: string, url?: string | null): void;
  };
}

/** Token from a location hash such as `#token=abc` or `#/x&token=abc`; null when absent. */
export function tokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#\/?/, ''));
  const token = params.get('token');
  return token && /^[A-Za-z0-9_-]{8,200}$/.test(token) ? token : null;
}

/** Takes the token from the URL (then hides it) or from sessionStorage; null when neither has one. */
export function takeBridgeToken(env: TokenEnv): string | null {
  const fromHash = tokenFromHash(env.location.hash);
  if (fromHash) {
    env.sessionStorage.setItem(TOKEN_STORAGE_KEY, fromHash);
    env.history.replaceState(env.history.state, '', `${env.location.pathname}${env.location.search}`);
    return fromHash;
  }
  return env.sessionStorage.getItem(TOKEN_STORAGE_KEY);
}
