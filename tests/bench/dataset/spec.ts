/**
 * The sizes of the bench datasets: "large store, three years" (full mode, ../shared/BENCH.md) and
 * the small one quick mode uses. Changing a size or the generator's logic means bumping
 * DATASET_VERSION so a cached copy in .bench-data/ is rebuilt.
 */

export type DatasetKind = 'full' | 'quick';

export interface DatasetSpec {
  kind: DatasetKind;
  seed: number;
  days: number;
  sales: number;
  /** Exactly 3 lines per sale on average (1–5, every block of five sales uses 1..5 once). */
  saleLines: number;
  customers: number;
  products: number;
  returns: number;
  repairs: number;
  meterReadings: number;
}

/** Bump when the generator changes what it writes. */
export const DATASET_VERSION = 2; // 2: peppered PIN hashes, 6-digit manager/admin PINs (issue #13)

/** The dataset's "today": Monday 2026-11-23 10:00 in Shanghai (02:00 UTC). Sales end the day before. */
export const DATASET_END = Date.UTC(2026, 10, 23, 2, 0, 0);

/** The store's time zone (fixed UTC+8, no DST: business days are cut at 16:00 UTC). */
export const DATASET_TZ = 'Asia/Shanghai';
export const DATASET_TZ_OFFSET_MS = 8 * 3_600_000;

export const DATASET_SPECS: Record<DatasetKind, DatasetSpec> = {
  full: {
    kind: 'full',
    seed: 20_261_123,
    days: 1095,
    sales: 1_000_000,
    saleLines: 3_000_000,
    customers: 300_000,
    products: 20_000,
    returns: 60_000,
    repairs: 40_000,
    meterReadings: 2_000_000,
  },
  quick: {
    kind: 'quick',
    seed: 20_261_123,
    days: 120,
    sales: 20_000,
    saleLines: 60_000,
    customers: 6_000,
    products: 2_000,
    returns: 1_200,
    repairs: 800,
    meterReadings: 40_000,
  },
};
