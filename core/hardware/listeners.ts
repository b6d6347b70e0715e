/**
 * The one listener list of the hardware layer (transports, drivers, simulators, devices):
 * add returns an unsubscribe function; emit calls every listener present when it starts, and a
 * listener that throws never stops the others (nor the port or driver that emits).
 */
export class Listeners<T> {
  private readonly set = new Set<(value: T) => void>();

  /** Adds a listener; returns a function that removes it. */
  add(listener: (value: T) => void): () => void {
    this.set.add(listener);
    return () => {
      this.set.delete(listener);
    };
  }

  /** Calls every listener with the value, ignoring listener errors. */
  emit(value: T): void {
    for (const listener of [...this.set]) {
      try {
        listener(value);
      } catch {
        // A subscriber's bug must not break the driver.
      }
    }
  }

  /** Number of listeners. */
  get size(): number {
    return this.set.size;
  }
}
