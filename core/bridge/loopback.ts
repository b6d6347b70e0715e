/**
 * Loopback-only checks for the browser host: the bind address, the `Host` header (DNS-rebinding
 * defence) and the `Origin` of a WebSocket handshake. None of them throws on any input.
 */

/** The bridge listens on loopback only. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/** The names this host answers to: a page may be opened as any of them, always with our port. */
const OWN_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/**
 * True when a `Host` header names this host: `127.0.0.1:<port>`, `localhost:<port>` or
 * `[::1]:<port>`. A DNS-rebinding page reaches us as `evil.example:<port>` and is refused.
 */
export function isOwnHostHeader(header: string | undefined, port: number): boolean {
  if (typeof header !== 'string') return false;
  const h = header.toLowerCase();
  return OWN_NAMES.some((name) => h === `${name}:${port}`);
}

/**
 * True when a WebSocket handshake's `Origin` is this host's own page (`http://<own name>:<port>`).
 * Absent is allowed: browsers always send Origin on a WebSocket handshake, so a request without
 * one is not a web page (the CLI, tests); it still needs the token. `null` (sandboxed frames,
 * file://), other ports, other schemes and other names are refused.
 */
export function isOwnOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  const o = origin.toLowerCase();
  return OWN_NAMES.some((name) => o === `http://${name}:${port}`);
}

/**
 * The path and query of a request target, or null when it is not a plain origin-form target
 * (`/path?query`): absolute-form, `//authority…`, `*`, or anything the URL parser rejects.
 */
export function parseTarget(target: string | undefined): URL | null {
  if (typeof target !== 'string' || !target.startsWith('/') || target.startsWith('//')) return null;
  try {
    return new URL(`http://127.0.0.1${target}`);
  } catch {
    return null;
  }
}
