/**
 * The one path every call takes, from every transport: known method → valid input →
 * signed in and permitted → service → valid output. Failures are typed values, never throws.
 */
import { isMethodName, methods, type MethodName } from '../../shared/contract';
import { AppError, type Result } from '../../shared/contract/errors';
import { toInputIssues } from '../../shared/contract/input-issues';
import { caughtEnvelope, okEnvelope } from '../../shared/contract/wire';
import { storageError } from '../../db/open';
import type { Connection, CoreContext } from '../context';
import type { HandlerMap } from './handlers';

export interface Dispatcher {
  call(conn: Connection, method: string, input: unknown): Promise<Result<unknown>>;
}

export interface DispatchLog {
  error(message: string, err: unknown): void;
}

export function createDispatcher(
  core: CoreContext,
  handlers: HandlerMap,
  log: DispatchLog = console,
): Dispatcher {
  for (const name of Object.keys(methods)) {
    if (typeof (handlers as Record<string, unknown>)[name] !== 'function') {
      throw new Error(`contract method ${name} has no handler`);
    }
  }

  async function run(conn: Connection, name: string, rawInput: unknown): Promise<unknown> {
    if (!isMethodName(name)) throw new AppError('UNKNOWN_METHOD', { method: String(name).slice(0, 80) });
    const spec = methods[name];
    const input = rawInput ?? {};
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) {
      // Each issue names its field and rule (shared/contract/input-issues.ts), never the value.
      throw new AppError('INVALID_INPUT', {
        method: name,
        issues: toInputIssues(parsed.error.issues, input),
      });
    }
    const now = core.now();
    const session = core.sessions.get(conn.sessionToken, now);
    if (spec.access !== 'public') {
      if (!session) throw new AppError('SIGNED_OUT', { method: name });
      if (spec.access !== 'signed-in' && !session.permissions.has(spec.access)) {
        throw new AppError('FORBIDDEN', { method: name, permission: spec.access, role: session.role });
      }
    }
    const handler = handlers[name as MethodName] as (input: unknown, ctx: unknown) => unknown;
    const output = await handler(parsed.data, { core, conn, session, now });
    const checked = spec.output.safeParse(output);
    if (!checked.success) {
      log.error(`contract: ${name} returned output that does not match its schema`, checked.error);
      throw new AppError('INTERNAL', { method: name });
    }
    return checked.data;
  }

  return {
    async call(conn, name, input) {
      try {
        return okEnvelope(await run(conn, name, input));
      } catch (e) {
        // Storage failures (disk full, locked, read-only) are facts a user can act on, not internals.
        const err = e instanceof AppError ? e : (storageError(e, core.db.path) ?? e);
        if (!(err instanceof AppError)) log.error(`call ${String(name).slice(0, 80)} failed`, err);
        return caughtEnvelope(err);
      }
    },
  };
}
