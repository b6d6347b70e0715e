/** Instants shown in the store's time zone (app.info), as the receipts print them: 2026-11-18 14:32. */
import { useCallback } from 'react';
import { localParts } from '../../../../shared/domain/time/business-day';
import { useSession } from '../../app/session-context';

const two = (n: number) => String(n).padStart(2, '0');

/** Formats epoch ms as `YYYY-MM-DD HH:mm` in the store's zone. */
export function useStoreTime(): (epochMs: number) => string {
  const { appInfo } = useSession();
  const zone = appInfo?.store.timeZone ?? 'Asia/Shanghai';
  return useCallback(
    (epochMs: number) => {
      const p = localParts(epochMs, zone);
      return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
    },
    [zone],
  );
}
