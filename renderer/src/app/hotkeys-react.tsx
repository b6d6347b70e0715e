/** React glue for the hotkey registry: provider, layers for dialogs, and the useHotkey hook. */
import {
  createContext,
  useContext,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { HotkeyRegistry, SCREEN, type Hotkey } from './hotkeys';

const RegistryContext = createContext<HotkeyRegistry | null>(null);
/** The layer bindings go to; null while a layer is being opened. */
const LayerContext = createContext<number | null>(0);

/** Creates the registry and installs it on the window for the lifetime of the app. */
export function HotkeysProvider({ children }: { children: ReactNode }) {
  const [registry] = useState(() => new HotkeyRegistry());
  useEffect(() => registry.install(window), [registry]);
  return <RegistryContext.Provider value={registry}>{children}</RegistryContext.Provider>;
}

/** Wraps a dialog's content: while mounted, only hotkeys bound inside it fire. */
export function HotkeyLayer({ children }: { children: ReactNode }) {
  const registry = useRegistry();
  const [id, setId] = useState<number | null>(null);
  useLayoutEffect(() => {
    const layer = registry.pushLayer();
    setId(layer.id);
    return layer.pop;
  }, [registry]);
  return <LayerContext.Provider value={id}>{children}</LayerContext.Provider>;
}

function useRegistry(): HotkeyRegistry {
  const r = useContext(RegistryContext);
  if (!r) throw new Error('HotkeysProvider is missing');
  return r;
}

/** Binds a function key (or Esc) while mounted and `enabled`; `priority` FALLBACK lets screens override. */
export function useHotkey(key: Hotkey, handler: () => void, enabled = true, priority = SCREEN): void {
  const registry = useRegistry();
  const layer = useContext(LayerContext);
  const latest = useRef(handler);
  useLayoutEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!enabled || layer === null) return undefined;
    return registry.bind(key, layer, () => latest.current(), priority);
  }, [registry, key, layer, enabled, priority]);
}
