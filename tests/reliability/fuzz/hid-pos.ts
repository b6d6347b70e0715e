/**
 * HID-POS reports (usage page 0x8C) through the assembler: every scan's reports come out as exactly
 * the bytes and AIM id that were scanned; hostile reports (random bytes, wrong id, bad length, bad AIM,
 * half codes left hanging) never throw, and after the device is reset the next scan is exact again.
 */
import { createHidPosAssembler } from '../../../core/hardware/scanners/hid-pos-assembler';
import { HID_POS_LAYOUT } from '../../../core/hardware/scanners/hid-pos-report';
import { hidPosReportsFor } from '../../../core/hardware/scanners/simulated-hid-scanner';
import { bytes, hex, newTally, noteThrow, noteWrong, type FuzzTarget } from './tally';

const AIMS = ['', ']E0', ']C1', ']Q1', ']d2', ']A0']; // '' = no AIM id sent

export const hidPosTarget: FuzzTarget = {
  name: 'hid-pos',
  frame: 'one 64-byte input report',
  run(rng, frames) {
    const t = newTally('hid-pos');
    const asm = createHidPosAssembler();
    let at = 0;
    while (t.frames < frames) {
      if (rng.chance(0.3)) {
        // hostile: random reports, sometimes with the right report id so they parse as reports
        const n = rng.int(1, 4);
        for (let i = 0; i < n; i++) {
          const r = bytes(rng, rng.chance(0.9) ? HID_POS_LAYOUT.reportSize : rng.int(0, 80));
          if (rng.chance(0.5) && r.length > 0) r[0] = HID_POS_LAYOUT.reportId;
          t.frames++;
          t.hostile++;
          try {
            asm.push(r, (at += rng.int(0, 5)));
          } catch (e) {
            noteThrow(t, e, hex(r));
          }
        }
        asm.reset(); // what the scanner service does when the device is reopened
        continue;
      }
      const code = bytes(rng, rng.int(1, 300));
      const aim = rng.pick(AIMS) || undefined;
      const reports = hidPosReportsFor(code, aim, { vendorSymbology: rng.int(0, 255) });
      let scan;
      for (const r of reports) {
        t.frames++;
        try {
          const out = asm.push(r, (at += rng.int(0, 20)));
          if (out) scan = out;
        } catch (e) {
          noteThrow(t, e, hex(r));
        }
      }
      if (!scan) noteWrong(t, `scan of ${code.length} bytes did not come out`);
      else if (hex(scan.bytes) !== hex(code) || scan.aim !== aim)
        noteWrong(
          t,
          `sent ${hex(code).slice(0, 40)} ${String(aim)}, got ${hex(scan.bytes).slice(0, 40)} ${String(scan.aim)}`,
        );
    }
    return t;
  },
};
