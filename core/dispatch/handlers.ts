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
/** Handlers for some methods (a part of an area, e.g. the repairs area's work handlers). */
export type MethodHandlers<K extends MethodName> = { [P in K]: Handler<P> };

type AreaOf<K> = K extends `${infer A}.${string}` ? A : never;
/** A contract area: the prefix of its method names (`returns`, `repairs`, `print`, …). */
export type Area = AreaOf<MethodName>;
/** The method names of one area, from the contract. */
export type AreaMethod<A extends Area> = Extract<MethodName, `${A}.${string}`>;
/** Every handler of one area: what `core/services/<area>/` exports for compose.ts. */
export type AreaHandlers<A extends Area> = MethodHandlers<AreaMethod<A>>;

/** Requires the session (for methods whose access is not `public`). */
export function requireSession(ctx: CallContext): Session {
  if (!ctx.session) throw new Error('handler called without a session');
  return ctx.session;
}
