import { describe, expect, it } from 'vitest';
import {
  takeBridgeToken,
  TOKEN_STORAGE_KEY,
  tokenFromHash,
  type TokenEnv,
} from '../../../renderer/src/api/bridge-token';

function env(hash: string, stored: string | null = null) {
  const storage = new Map<string, string>();
  if (stored !== null) storage.set(TOKEN_STORAGE_KEY, stored);
  const replaced: string[] = [];
  const e: TokenEnv = {
    location: { hash, pathname: '/', search: '' },
    sessionStorage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) },
    history: { state: null, replaceState: (_s, _t, url) => void replaced.push(String(url)) },
  };
  return { e, storage, replaced };
}

describe('bridge token', () => {
  it('takes the token from #token=…, keeps it in sessionStorage and hides it from the URL', () => {
    const { e, storage, replaced } = env('#token=Abc_def-123456');
    expect(takeBridgeToken(e)).toBe('Abc_def-123456');
    expect(storage.get(TOKEN_STORAGE_KEY)).toBe('Abc_def-123456');
    expect(replaced).toEqual(['/']);
  });

  it('falls back to the stored token after a reload without the hash', () => {
    const { e, replaced } = env('', 'stored-token-123');
    expect(takeBridgeToken(e)).toBe('stored-token-123');
    expect(replaced).toEqual([]);
  });

  it('has no token when neither the URL nor storage has one', () => {
    expect(takeBridgeToken(env('').e)).toBeNull();
  });

  it('refuses hashes that are not a plausible token', () => {
    expect(tokenFromHash('#token=')).toBeNull();
    expect(tokenFromHash('#token=short')).toBeNull();
    expect(tokenFromHash('#token=has space in it')).toBeNull();
    expect(tokenFromHash('#token=<script>alert(1)</script>')).toBeNull();
    expect(tokenFromHash('#other=abcdefghijkl')).toBeNull();
    expect(tokenFromHash('#/signin&token=abcdefghijkl')).toBe('abcdefghijkl');
  });
});
