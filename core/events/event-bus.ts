/** Typed push events from services to every connected transport. Payloads are validated when emitted. */
import { events, type EventName, type EventPayload } from '../../shared/contract';

export type EventListener = (name: EventName, payload: unknown) => void;

export class EventBus {
  private readonly listeners = new Set<EventListener>();

  emit<K extends EventName>(name: K, payload: EventPayload<K>): void {
    const parsed = events[name].payload.safeParse(payload);
    if (!parsed.success) throw new Error(`event ${name}: invalid payload: ${parsed.error.message}`);
    for (const l of this.listeners) {
      try {
        l(name, parsed.data);
      } catch {
        // one broken transport must not stop the others
      }
    }
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
