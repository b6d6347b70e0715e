/** A job number handed to an area by a scan (`#/repairs?job=J-…`): taken once, then stripped from the URL. */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useAreaRoute, writeAreaRoute } from '../../app/scan/area-route';
import { HAND_OFF, type HandOffArea } from '../../app/scan/hand-off';

/** Calls `open(jobId)` for each job handed to `area`. */
export function useJobHandOff(area: HandOffArea, open: (jobId: string) => void): void {
  const { params, seq } = useAreaRoute(area);
  const latest = useRef(open);
  useLayoutEffect(() => {
    latest.current = open;
  });
  const job = params[HAND_OFF.job] ?? '';
  useEffect(() => {
    if (!job) return;
    writeAreaRoute(area, Object.fromEntries(Object.entries(params).filter(([k]) => k !== HAND_OFF.job)));
    latest.current(job);
  }, [area, job, seq, params]);
}
