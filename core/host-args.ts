/** Command-line options shared by the web host and Electron main. */
export interface HostArgs {
  dataDir?: string;
  port?: number;
  demo: boolean;
  staticDir?: string;
}

export function parseHostArgs(argv: readonly string[]): HostArgs {
  const out: HostArgs = { demo: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const [flag, inline] = a.includes('=')
      ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
      : [a, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--data-dir') out.dataDir = value();
    else if (flag === '--port') out.port = Number(value());
    else if (flag === '--static-dir') out.staticDir = value();
    else if (flag === '--no-demo') out.demo = false;
    else if (flag === '--demo') out.demo = true;
  }
  if (out.port !== undefined && (!Number.isInteger(out.port) || out.port < 0 || out.port > 65535)) {
    throw new Error(`--port must be 0–65535`);
  }
  return out;
}
