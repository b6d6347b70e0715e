/**
 * The Content-Security-Policy of the Electron window, and the `<meta>` form every built
 * index.html carries. The meta matters because Electron's `onHeadersReceived` does not see
 * `file://` loads (the packaged app loads its page from a file): without the meta, a packaged
 * page would run with no CSP at all. The web host sends its own header (core/bridge/static-files.ts).
 */

/** The Electron window's policy (sent as a header by electron/main/security.ts). */
export const ELECTRON_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/**
 * A policy as a `<meta http-equiv>` may carry it: `frame-ancestors`, `report-uri` and `sandbox`
 * are ignored (with a console warning) in a meta, so they stay in the header only.
 */
export function metaPolicy(policy: string): string {
  return policy
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d && !/^(frame-ancestors|report-uri|sandbox)\b/.test(d))
    .join('; ');
}

/**
 * A Vite plugin (structurally typed, so shared/ needs no Vite import) that puts the policy as the
 * first element of `<head>` in a *build* only: the dev server injects inline scripts (React
 * refresh) that `script-src 'self'` would block.
 */
export function cspMetaPlugin(policy: string) {
  return {
    name: 'counterdesk-csp-meta',
    apply: 'build' as const,
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: metaPolicy(policy) },
        injectTo: 'head-prepend' as const,
      },
    ],
  };
}
