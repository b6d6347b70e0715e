/** The open area and the way back: opening pushes the previous area, Esc pops it. */
import { useCallback, useEffect, useState } from 'react';
import type { AreaDef, AreaId } from './areas';

export interface AreaNavigation {
  current: AreaId | null;
  /** True when Esc has somewhere to go back to. */
  canGoBack: boolean;
  /** Opens an area; returns false when this staff member may not open it. */
  open(area: AreaId): boolean;
  /** Goes back to the previous area; returns false when there is none. */
  back(): boolean;
}

/** Navigation over the visible areas; when they change (clerk switch) a hidden current area is left. */
export function useAreaNavigation(visible: AreaDef[]): AreaNavigation {
  const [current, setCurrent] = useState<AreaId | null>(visible[0]?.id ?? null);
  const [history, setHistory] = useState<AreaId[]>([]);
  const ids = visible.map((a) => a.id).join(',');

  useEffect(() => {
    const allowed = ids.split(',');
    setHistory((h) => h.filter((a) => allowed.includes(a)));
    setCurrent((c) => (c && allowed.includes(c) ? c : ((allowed[0] as AreaId | undefined) ?? null)));
  }, [ids]);

  const open = useCallback(
    (area: AreaId) => {
      if (!ids.split(',').includes(area)) return false;
      if (area !== current) {
        if (current) setHistory((h) => [...h, current]);
        setCurrent(area);
      }
      return true;
    },
    [ids, current],
  );

  const back = useCallback(() => {
    const previous = history[history.length - 1];
    if (!previous) return false;
    setHistory(history.slice(0, -1));
    setCurrent(previous);
    return true;
  }, [history]);

  return { current, canGoBack: history.length > 0, open, back };
}
