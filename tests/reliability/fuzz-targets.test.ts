/**
 * The fuzz targets of `npm run fuzz` (tests/reliability/fuzz/), short: every byte/text parser gets
 * frames against its oracle with a fixed seed, and none may throw or give a wrong value. The full
 * run (1,000,000 frames each) and its figures: docs/RELIABILITY.md.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/demo/demo-rng';
import { FUZZ_TARGETS } from './fuzz/targets';
import { soakCount } from './helpers/soak';

const FRAMES = soakCount('COUNTERDESK_SOAK_FUZZ_FRAMES', 20_000);

describe('fuzz targets (short run)', () => {
  for (const target of FUZZ_TARGETS) {
    it(`${target.name}: ${FRAMES} frames, 0 throws, 0 wrong values, hostile frames included`, () => {
      const t = target.run(createRng(0xc1), FRAMES);
      expect(t.frames).toBeGreaterThanOrEqual(FRAMES);
      expect(t.hostile).toBeGreaterThan(0);
      expect(t.examples).toEqual([]);
      expect([t.throws, t.wrong]).toEqual([0, 0]);
    });
  }
});
