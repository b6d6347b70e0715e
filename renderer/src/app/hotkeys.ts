/**
 * The global key handler: one window keydown listener dispatches function keys and Esc to the
 * newest binding of the topmost layer. A dialog opens a layer, so F2 behind an open dialog does
 * nothing and Esc closes the dialog instead of leaving the screen.
 */
export const HOTKEYS = ['F1', 'F2', 'F3', 'F4', 'F8', 'F9', 'F12', 'Escape'] as const;
export type Hotkey = (typeof HOTKEYS)[number];

/** What a binding receives; mirrors the KeyboardEvent parts the registry looks at. */
export interface KeyInput {
  key: string;
  repeat?: boolean;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  preventDefault?: () => void;
}

/** Where keydown events come from (the window). */
export interface KeyTarget {
  addEventListener(type: 'keydown', listener: (e: KeyInput) => void): void;
  removeEventListener(type: 'keydown', listener: (e: KeyInput) => void): void;
}

interface Binding {
  key: Hotkey;
  layer: number;
  priority: number;
  handler: () => void;
}

/** Shell-wide fallbacks bind at FALLBACK; screens bind at SCREEN (default) and win over the shell. */
export const FALLBACK = 0;
export const SCREEN = 1;

export class HotkeyRegistry {
  private readonly layers: number[] = [0];
  private bindings: Binding[] = [];
  private nextLayer = 1;

  /** Opens a layer above the current ones; returns its id and the function that closes it. */
  pushLayer(): { id: number; pop: () => void } {
    const id = this.nextLayer++;
    this.layers.push(id);
    return {
      id,
      pop: () => {
        const i = this.layers.lastIndexOf(id);
        if (i > 0) this.layers.splice(i, 1);
        this.bindings = this.bindings.filter((b) => b.layer !== id);
      },
    };
  }

  /** Binds a key in a layer; the highest priority, then the newest binding wins. Returns the unbind function. */
  bind(key: Hotkey, layer: number, handler: () => void, priority = SCREEN): () => void {
    const b: Binding = { key, layer, priority, handler };
    this.bindings.push(b);
    return () => {
      this.bindings = this.bindings.filter((x) => x !== b);
    };
  }

  /** Runs the binding for a key press, if any; returns true (and prevents the default) when handled. */
  handle(e: KeyInput): boolean {
    if (e.altKey || e.ctrlKey || e.metaKey || e.repeat) return false;
    const top = this.layers[this.layers.length - 1] ?? 0;
    let best: Binding | undefined;
    for (const b of this.bindings) {
      if (b.key === e.key && b.layer === top && (!best || b.priority >= best.priority)) best = b;
    }
    if (best) {
      e.preventDefault?.();
      best.handler();
      return true;
    }
    // Function keys never reach the browser (F1 help page, F3 find, …) even when unbound here.
    if ((HOTKEYS as readonly string[]).includes(e.key) && e.key !== 'Escape') e.preventDefault?.();
    return false;
  }

  /** Listens on a window; returns the function that stops listening. */
  install(target: KeyTarget): () => void {
    const listener = (e: KeyInput) => {
      this.handle(e);
    };
    target.addEventListener('keydown', listener);
    return () => target.removeEventListener('keydown', listener);
  }
}
