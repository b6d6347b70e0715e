/**
 * The bench datasets on disk: built once into `.bench-data/<kind>-v<version>/` (git-ignored) and
 * reused while `dataset.json` (written last) matches the spec. A bench run works on a fresh COPY
 * (`workingCopy`), so the cached dataset never accumulates the bench's own writes.
 */
import {
  closeSync,
  copyFileSync,
  fsyncSync,
  openSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { dbPath } from '../../../core/data-dir';
import { pinPepperPath } from '../../../core/services/auth/pin-hash';
import { generateDataset, type DatasetCounts } from './generate';
import { DATASET_END, DATASET_SPECS, DATASET_VERSION, type DatasetKind, type DatasetSpec } from './spec';

export interface DatasetInfo {
  kind: DatasetKind;
  version: number;
  /** The cached data directory (holds counterdesk.sqlite). */
  dir: string;
  spec: DatasetSpec;
  counts: DatasetCounts;
  /** The dataset's "now" (epoch ms). */
  end: number;
  buildMs: number;
  bytes: number;
  /** True when this call built it (false: reused). */
  built: boolean;
}

const REPO_ROOT = resolve(import.meta.dirname, '..', '..', '..');

/** `.bench-data/` in the repo root (override with COUNTERDESK_BENCH_DATA). */
export function benchDataRoot(): string {
  return process.env.COUNTERDESK_BENCH_DATA ?? join(REPO_ROOT, '.bench-data');
}

/** The dataset of this kind, built now if it is not cached yet. */
export function ensureDataset(kind: DatasetKind, log: (s: string) => void = console.log): DatasetInfo {
  const spec = DATASET_SPECS[kind];
  const root = benchDataRoot();
  const dir = join(root, `${kind}-v${DATASET_VERSION}`);
  const marker = join(dir, 'dataset.json');
  if (existsSync(marker)) {
    const info = JSON.parse(readFileSync(marker, 'utf8')) as Omit<DatasetInfo, 'dir' | 'built'>;
    if (info.version === DATASET_VERSION && JSON.stringify(info.spec) === JSON.stringify(spec)) {
      return { ...info, dir, built: false };
    }
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const building = `${dir}.building`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  log(`building the ${kind} dataset (${spec.sales} sales) in ${dir} …`);
  const t = Date.now();
  const counts = generateDataset(building, spec, log);
  const buildMs = Date.now() - t;
  const info: Omit<DatasetInfo, 'dir' | 'built'> = {
    kind,
    version: DATASET_VERSION,
    spec,
    counts,
    end: DATASET_END,
    buildMs,
    bytes: fileSize(dbPath(building)),
  };
  writeFileSync(join(building, 'dataset.json'), JSON.stringify(info, null, 2));
  renameSync(building, dir);
  log(`dataset built in ${(buildMs / 1000).toFixed(1)} s (${(info.bytes / 1048576).toFixed(0)} MB)`);
  return { ...info, dir, built: true };
}

function fileSize(file: string): number {
  return existsSync(file) ? statSync(file).size : 0;
}

/** A fresh data directory holding a copy of the dataset's database; remove it with `rmSync`. */
export function workingCopy(info: DatasetInfo): string {
  const dir = mkdtempSync(join(tmpdir(), `cd-bench-${info.kind}-`));
  copyFileSync(dbPath(info.dir), dbPath(dir));
  // Flush the copy now, so its write-back does not land in the middle of the fsync'd commit figures.
  const fd = openSync(dbPath(dir), 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  // The PIN pepper lives in keys/ beside the database, not in it: the copy needs it to sign in.
  if (existsSync(pinPepperPath(info.dir))) {
    mkdirSync(join(dir, 'keys'), { recursive: true });
    copyFileSync(pinPepperPath(info.dir), pinPepperPath(dir));
  }
  return dir;
}
