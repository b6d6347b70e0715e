/**
 * The scan hand-off to this screen (renderer/src/app/scan): a receipt scanned anywhere opens
 * Returns with `#/returns?receipt=S-…`, a return slip with `?document=R-…`. Each hand-off is taken
 * once (a re-scan of the same number is a new hand-off) and then stripped from the URL, so a reload
 * does not open it again.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useAreaRoute, writeAreaRoute } from '../../app/scan/area-route';
import { HAND_OFF } from '../../app/scan/hand-off';

export interface HandOffHandlers {
  receipt: (receiptNo: string) => void;
  document: (documentNo: string) => void;
}

/** Calls the handler for a receipt or document handed to Returns in the route. */
export function useReturnsHandOff(handlers: HandOffHandlers): void {
  const { params, seq } = useAreaRoute('returns');
  const latest = useRef(handlers);
  useLayoutEffect(() => {
    latest.current = handlers;
  });
  const receipt = params[HAND_OFF.receipt] ?? '';
  const document = params[HAND_OFF.document] ?? '';
  useEffect(() => {
    if (!receipt && !document) return;
    const rest = Object.fromEntries(
      Object.entries(params).filter(([k]) => k !== HAND_OFF.receipt && k !== HAND_OFF.document),
    );
    writeAreaRoute('returns', rest);
    if (receipt) latest.current.receipt(receipt);
    else latest.current.document(document);
    // `seq` makes a re-scan of the same number count again.
  }, [receipt, document, seq, params]);
}
