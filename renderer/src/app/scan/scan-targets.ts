/**
 * The fields that want scans (registered by useScanTarget), newest or most recently focused on
 * top. The active target is the one whose element holds the focus, else the top one; it is the
 * one the status bar names ("扫描将填入：序列号") and the one a product/serial scan fills.
 */
import type { RoutedScan, TargetInfo } from './scan-decision';

export interface ScanTarget extends TargetInfo {
  /** What the field is, in the UI language (shown as "a scan fills: …"). */
  label: string;
  /** Called with the scan when it is routed to this field. */
  deliver(scan: RoutedScan): void;
  /** True when the focus is inside this target's field (optional). */
  hasFocus?: () => boolean;
}

/** A registry of scan targets with change notification. */
export class ScanTargets {
  private stack: ScanTarget[] = [];
  private nextId = 1;
  private readonly listeners = new Set<() => void>();

  /** A fresh id for a target. */
  newId(): number {
    return this.nextId++;
  }

  /** Adds (or replaces) a target and puts it on top; returns the function that removes it. */
  register(target: ScanTarget): () => void {
    this.stack = [...this.stack.filter((t) => t.id !== target.id), target];
    this.changed();
    return () => {
      const before = this.stack.length;
      this.stack = this.stack.filter((t) => t.id !== target.id);
      if (this.stack.length !== before) this.changed();
    };
  }

  /** Updates a registered target in place (label, kinds, callbacks) without moving it. */
  update(target: ScanTarget): void {
    const i = this.stack.findIndex((t) => t.id === target.id);
    if (i < 0) return;
    const old = this.stack[i];
    this.stack = this.stack.map((t) => (t.id === target.id ? target : t));
    if (old?.label !== target.label || old.kinds.join() !== target.kinds.join()) this.changed();
  }

  /** Moves a target to the top (its field got the focus). */
  activate(id: number): void {
    const t = this.stack.find((x) => x.id === id);
    if (!t || this.stack[this.stack.length - 1] === t) return;
    this.stack = [...this.stack.filter((x) => x !== t), t];
    this.changed();
  }

  /** The active target: the focused one, else the top one; null when none is registered. */
  active(): ScanTarget | null {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const t = this.stack[i];
      if (t?.hasFocus?.()) return t;
    }
    return this.stack[this.stack.length - 1] ?? null;
  }

  /** The target with this id, if registered. */
  get(id: number): ScanTarget | undefined {
    return this.stack.find((t) => t.id === id);
  }

  /** Subscribes to registrations, removals and activations. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private changed(): void {
    for (const l of [...this.listeners]) l();
  }
}
