/** A set of callbacks with add → unsubscribe and a fault-isolated emit. */
export class Listeners<T> {
  private readonly set = new Set<(value: T) => void>();

  /** Adds a listener; returns the function that removes it. */
  add(listener: (value: T) => void): () => void {
    this.set.add(listener);
    return () => {
      this.set.delete(listener);
    };
  }

  /** Calls every listener; one throwing listener does not stop the others. */
  emit(value: T): void {
    for (const l of [...this.set]) {
      try {
        l(value);
      } catch (e) {
        console.error('listener failed', e);
      }
    }
  }

  /** Number of listeners (tests). */
  get size(): number {
    return this.set.size;
  }
}
