/**
 * The one listener list (hardware transports, drivers, simulators, devices in core; the renderer's
 * transports): `add` returns an unsubscribe function; `emit` calls every listener present when it
 * starts, and a listener that throws never stops the others (nor the port, driver or socket that
 * emits). What happens to its error is the owner's choice (`onError`; ignored by default).
 */
export class Listeners<T> {
  private readonly set = new Set<(value: T) => void>();

  constructor(private readonly onError: (error: unknown) => void = () => undefined) {}

  /** Adds a listener; returns a function that removes it. */
  add(listener: (value: T) => void): () => void {
    this.set.add(listener);
    return () => {
      this.set.delete(listener);
    };
  }

  /** Calls every listener with the value; a listener's error goes to `onError`, not to the emitter. */
  emit(value: T): void {
    for (const listener of [...this.set]) {
      try {
        listener(value);
      } catch (e) {
        this.onError(e);
      }
    }
  }

  /** Number of listeners. */
  get size(): number {
    return this.set.size;
  }
}
