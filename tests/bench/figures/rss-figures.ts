/** The bench process's own footprint after every other figure ran in it (it hosted core throughout). */
import type { Figure } from '../harness';

/** RSS and JS heap of this process now. */
export function rssFigures(): Figure[] {
  global.gc?.();
  const m = process.memoryUsage();
  return [
    {
      name: 'host process RSS after the bench',
      value: m.rss / 1048576,
      unit: 'MB',
      target: { op: '<=', value: 200 },
      note: `heap used ${(m.heapUsed / 1048576).toFixed(0)} MB`,
    },
  ];
}
