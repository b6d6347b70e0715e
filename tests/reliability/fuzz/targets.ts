/** Every byte/text parser the fuzz run feeds (`npm run fuzz`; CI runs them short in fuzz-targets.test.ts). */
import { es51922Target } from './es51922';
import { escposStatusTarget } from './escpos-status';
import { hidPosTarget } from './hid-pos';
import { salesImportTarget } from './sales-import';
import { scanCodesTarget } from './scan-codes';
import { scpiTarget } from './scpi';
import type { FuzzTarget } from './tally';

export const FUZZ_TARGETS: readonly FuzzTarget[] = [
  hidPosTarget,
  es51922Target,
  scpiTarget,
  escposStatusTarget,
  salesImportTarget,
  scanCodesTarget,
];
