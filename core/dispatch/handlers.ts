/** Handler types derived from the contract: a service implements `HandlerMap` for its area. */
import type { MethodName, MethodOutput, ParsedInput } from '../../shared/contract';
import type { Connection, CoreContext } from '../context';
import type { Session } from '../services/auth/session-store';

export interface CallContext {
  readonly core: CoreContext;
  readonly conn: Connection;
  /** Null only for `public` methods. */
  readonly session: Session | null;
  readonly now: number;
}

export type Handler<K extends MethodName> = (
  input: ParsedInput<K>,
  ctx: CallContext,
) => MethodOutput<K> | Promise<MethodOutput<K>>;

export type HandlerMap = { [K in MethodName]: Handler<K> };
export type AreaHandlers<K extends MethodName> = { [P in K]: Handler<P> };

/** Requires the session (for methods whose access is not `public`). */
export function requireSession(ctx: CallContext): Session {
  if (!ctx.session) throw new Error('handler called without a session');
  return ctx.session;
}
