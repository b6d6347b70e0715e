/**
 * A core on a bench data directory with a moving clock that starts at the dataset's "now", and a
 * connection signed in as the clerk 1001 (the dataset's staff use the demo codes and PINs).
 */
import { composeCore, type Core } from '../../../core/compose';
import type { Connection } from '../../../core/context';

export interface BenchSession {
  core: Core;
  conn: Connection;
  /** Calls a method through the real dispatcher; throws with the error code on failure. */
  call(method: string, input: unknown): Promise<unknown>;
  close(): void;
}

/** Opens core on `dataDir` at `startAt` (the clock moves with real time) and signs in `code`/`pin`. */
export async function openBenchSession(
  dataDir: string,
  startAt: number,
  code = '1001',
  pin = '1111',
): Promise<BenchSession> {
  const t0 = Date.now();
  const core = composeCore({
    dataDir,
    host: 'cli',
    now: () => startAt + (Date.now() - t0),
    log: { error: () => undefined },
  });
  const conn = core.connect();
  const call = async (method: string, input: unknown): Promise<unknown> => {
    const r = await core.dispatcher.call(conn, method, input);
    if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${JSON.stringify(r.error.details)}`);
    return r.value;
  };
  await call('auth.signIn', { code, pin });
  return { core, conn, call, close: () => core.close() };
}
