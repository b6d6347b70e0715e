/**
 * Starts the real web host (`tsx core/main-web.ts`) on a random port against a fresh data folder
 * (so a fresh demo store), reads the URL it prints, and stops it again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface RunningHost {
  /** The printed URL, including `#token=…`. */
  url: string;
  origin: string;
  port: number;
  token: string;
  dataDir: string;
  stop(): Promise<void>;
}

const ROOT = resolve(import.meta.dirname, '../../..');
const START_TIMEOUT_MS = 90_000;

/** The environment of the host: ours, minus a fixed bridge token (every run gets a random one). */
function hostEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.COUNTERDESK_BRIDGE_TOKEN;
  return env;
}

/** Spawns the host and resolves once it printed "running at <url>". */
export async function startWebHostProcess(): Promise<RunningHost> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cd-e2e-'));
  const child = spawn(
    join(ROOT, 'node_modules/.bin/tsx'),
    ['core/main-web.ts', '--data-dir', dataDir, '--port', '0'],
    {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: hostEnv(),
    },
  );
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`web host did not start in time:\n${output}`)),
      START_TIMEOUT_MS,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /running at (http:\/\/\S+)/.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        resolveUrl(m[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with ${String(code)} before it was ready:\n${output}`));
    });
  });
  const parsed = new URL(url);
  const token = new URLSearchParams(parsed.hash.slice(1)).get('token') ?? '';
  return {
    url,
    origin: parsed.origin,
    port: Number(parsed.port),
    token,
    dataDir,
    stop: () => stopProcess(child, dataDir),
  };
}

async function stopProcess(child: ChildProcess, dataDir: string): Promise<void> {
  if (child.exitCode === null && child.pid !== undefined) {
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    // The host was started in its own process group (tsx runs node as a child): signal the group.
    process.kill(-child.pid, 'SIGTERM');
    const timer = setTimeout(() => {
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
    }, 5000);
    await exited;
    clearTimeout(timer);
  }
  rmSync(dataDir, { recursive: true, force: true });
}
