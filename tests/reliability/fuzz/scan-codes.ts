/**
 * Scanner codes through the classifier: GTIN-13, IMEI and document numbers built with their check
 * digits come back as exactly what they are; the same codes with one digit changed are never taken
 * for a valid GTIN/IMEI/document; random text (control characters, full-width digits, 5,000
 * characters) never throws.
 */
import { classifyScan } from '../../../shared/domain/codes/classify';
import { DOCUMENT_TYPES, formatDocumentNumber } from '../../../shared/domain/codes/document-number';
import { completeGtin, toGtin14 } from '../../../shared/domain/codes/gtin';
import { luhnCheckDigit } from '../../../shared/domain/codes/imei';
import type { DemoRng } from '../../../core/demo/demo-rng';
import { newTally, noteThrow, noteWrong, type FuzzTarget } from './tally';

const digits = (rng: DemoRng, n: number): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
  return s;
};
/** The code with one digit replaced by another (a misread). */
function misread(rng: DemoRng, code: string, from = 0): string {
  const i = rng.int(from, code.length - 1);
  const d = Number(code[i]);
  const other = (d + rng.int(1, 9)) % 10;
  return code.slice(0, i) + String(other) + code.slice(i + 1);
}

export const scanCodesTarget: FuzzTarget = {
  name: 'scan-codes',
  frame: 'one scanned code',
  run(rng, frames) {
    const t = newTally('scan-codes');
    const classify = (code: string) => {
      try {
        return classifyScan(code);
      } catch (e) {
        noteThrow(t, e, code);
        return null;
      }
    };
    for (; t.frames < frames; t.frames++) {
      const r = rng.next();
      if (r < 0.25) {
        const gtin = completeGtin(`${rng.int(1, 9)}${digits(rng, 11)}`) ?? '';
        const c = classify(gtin);
        if (c && (c.kind !== 'gtin' || c.gtin.gtin14 !== toGtin14(gtin)))
          noteWrong(t, `${gtin} → ${JSON.stringify(c)}`);
        const bad = misread(rng, gtin);
        const b = classify(bad);
        if (b && b.kind === 'gtin') noteWrong(t, `misread ${bad} taken for a GTIN`);
        t.hostile++;
      } else if (r < 0.45) {
        const body = `35${digits(rng, 12)}`;
        const imei = `${body}${String(luhnCheckDigit(body))}`;
        const c = classify(imei);
        if (c && (c.kind !== 'imei' || c.imei.imei !== imei)) noteWrong(t, `${imei} → ${JSON.stringify(c)}`);
        const bad = misread(rng, imei, 2);
        const b = classify(bad);
        if (b && b.kind === 'imei') noteWrong(t, `misread ${bad} taken for an IMEI`);
        t.hostile++;
      } else if (r < 0.6) {
        const type = rng.pick(DOCUMENT_TYPES);
        const day = `20${rng.int(20, 39)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
        const seq = rng.int(1, 9999);
        const doc = formatDocumentNumber(type, day, seq);
        const c = classify(rng.chance(0.5) ? doc : doc.toLowerCase());
        const got = c && (c.kind === 'sale-receipt' || c.kind === 'document') ? c.document : null;
        if (!got || got.type !== type || got.sequence !== seq) noteWrong(t, `${doc} → ${JSON.stringify(c)}`);
      } else {
        t.hostile++;
        let s = '';
        const n = rng.chance(0.02) ? rng.int(4000, 5000) : rng.int(0, 60);
        for (let i = 0; i < n; i++)
          s += String.fromCharCode(
            rng.pick([rng.int(0, 0x7f), rng.int(0xff10, 0xff19), rng.int(0x4e00, 0x9fff), 0x1d]),
          );
        classify(s);
      }
    }
    return t;
  },
};
