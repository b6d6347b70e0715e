/** Types derived from the contract maps; import these, never hand-write a method's types. */
import type { z } from 'zod';
import { events } from './events';
import { methods } from './methods';

export { events, methods };
export type Methods = typeof methods;
export type MethodName = keyof Methods & string;
export type MethodInput<K extends MethodName> = z.input<Methods[K]['input']>;
export type ParsedInput<K extends MethodName> = z.output<Methods[K]['input']>;
export type MethodOutput<K extends MethodName> = z.output<Methods[K]['output']>;

export type Events = typeof events;
export type EventName = keyof Events & string;
export type EventPayload<K extends EventName> = z.output<Events[K]['payload']>;

export const METHOD_NAMES = Object.keys(methods) as MethodName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(methods, name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}
