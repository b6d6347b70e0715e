/**
 * The hand-off from a scan to a screen, as a route in the URL hash: `#/returns?receipt=S-20261118-0007`,
 * `#/bench?job=J-20261118-0003`, `#/returns?document=R-20261118-0002`. Pure parse/format; the
 * browser side lives in area-route.ts. See README.md for the contract screens must keep.
 */

/** Areas a scan can open. */
export const HAND_OFF_AREAS = ['returns', 'repairs', 'bench'] as const;
export type HandOffArea = (typeof HAND_OFF_AREAS)[number];

/** Route parameter names a scan hands over. */
export const HAND_OFF = {
  /** A sale receipt number (`S-…`): Returns opens that sale. */
  receipt: 'receipt',
  /** A repair job number (`J-…`): Bench (or Repairs) opens that job. */
  job: 'job',
  /** A return or exchange slip number (`R-…`, `X-…`): Returns shows that document. */
  document: 'document',
} as const;

export type HandOffParams = Readonly<Record<string, string>>;

/** One parsed route: the area and its parameters (empty when the hash is not a route). */
export interface AreaRoute {
  area: string | null;
  params: HandOffParams;
}

const AREA_RE = /^[a-z][a-z-]{0,39}$/;

/** `#/returns?receipt=S-…` → { area: 'returns', params: { receipt: 'S-…' } }; anything else → area null. */
export function parseAreaHash(hash: string): AreaRoute {
  const m = /^#\/([^?]*)(?:\?(.*))?$/.exec(hash);
  const area = m?.[1] ?? '';
  if (!m || !AREA_RE.test(area)) return { area: null, params: {} };
  const params: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(m[2] ?? '')) {
    if (k !== 'token') params[k] = v;
  }
  return { area, params };
}

/** { area: 'returns', params: { receipt: 'S-…' } } → `#/returns?receipt=S-…` (keys sorted, empty values dropped). */
export function formatAreaHash(area: string, params: HandOffParams = {}): string {
  const query = new URLSearchParams(
    Object.entries(params)
      .filter(([, v]) => v !== '')
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  ).toString();
  return query ? `#/${area}?${query}` : `#/${area}`;
}
