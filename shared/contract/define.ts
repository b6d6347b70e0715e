import type { z } from 'zod';
import type { Access } from './permissions';

/** One callable method of the contract: validated input, validated output, required access. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  readonly access: Access;
  /** One line for `counterdesk methods` and docs. */
  readonly summary: string;
}

export function method<I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>): MethodSpec<I, O> {
  return spec;
}

/** One push event: name → payload schema. */
export interface EventSpec<P extends z.ZodType = z.ZodType> {
  readonly payload: P;
  readonly summary: string;
}

export function event<P extends z.ZodType>(spec: EventSpec<P>): EventSpec<P> {
  return spec;
}

/**
 * Joins area maps into one, refusing a name defined twice (like Actual's App.method).
 * Names are `area.verb` so the prefix says who owns them.
 */
export function joinAreas<T extends Record<string, unknown>[]>(...areas: T): UnionToIntersection<T[number]> {
  const out: Record<string, unknown> = {};
  for (const area of areas) {
    for (const [name, spec] of Object.entries(area)) {
      if (name in out) throw new Error(`contract: ${name} is defined twice`);
      if (!/^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/.test(name)) throw new Error(`contract: bad name ${name}`);
      out[name] = spec;
    }
  }
  return out as UnionToIntersection<T[number]>;
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;
