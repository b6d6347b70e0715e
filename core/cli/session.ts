/** Opens core for a CLI command and signs a staff member in through the real dispatcher. */
import type { Result } from '../../shared/contract/errors';
import { composeCore, type Core, type FirstRun } from '../compose';
import type { Connection } from '../context';
import { defaultDataDir } from '../data-dir';
import { flagString, type ParsedArgs } from './args';

export function dataDirOf(args: ParsedArgs): string {
  return flagString(args, 'data-dir') ?? defaultDataDir();
}

export function openCore(args: ParsedArgs, firstRun: FirstRun = 'refuse'): Core {
  return composeCore({ dataDir: dataDirOf(args), host: 'cli', firstRun, log: { error: () => undefined } });
}

/** Signs in with --staff/--pin (or COUNTERDESK_STAFF / COUNTERDESK_PIN). */
export async function signIn(
  core: Core,
  args: ParsedArgs,
): Promise<{ conn: Connection; result: Result<unknown> }> {
  const conn = core.connect();
  const code = flagString(args, 'staff') ?? process.env.COUNTERDESK_STAFF ?? '';
  const pin = flagString(args, 'pin') ?? process.env.COUNTERDESK_PIN ?? '';
  const result = await core.dispatcher.call(conn, 'auth.signIn', { code, pin });
  return { conn, result };
}
