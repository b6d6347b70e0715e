/**
 * SCPI answer lines (NR1/NR2/NR3 numbers, 9.9E37 overload) through the line splitter and the number
 * parser, in random chunks with CR LF / LF endings: every number comes out as the decimal the meter
 * meant (computed from its parts); garbage lines (always holding a letter no number can contain) and
 * over-long lines never throw and never become a value.
 */
import { createLineSplitter } from '../../../core/hardware/meters/line-splitter';
import { parseNr3 } from '../../../core/hardware/meters/scpi-protocol';
import { chunks, newTally, noteThrow, noteWrong, type FuzzTarget } from './tally';

type Sent = { kind: 'value'; value: number } | { kind: 'overload'; negative: boolean } | { kind: 'bad' };

export const scpiTarget: FuzzTarget = {
  name: 'scpi',
  frame: 'one answer line',
  run(rng, frames) {
    const t = newTally('scpi');
    const splitter = createLineSplitter(4096);
    const enc = new TextEncoder();
    while (t.frames < frames) {
      const batch: { text: string; sent: Sent }[] = [];
      for (let i = rng.int(1, 20); i > 0; i--) {
        const r = rng.next();
        if (r < 0.7) {
          const sign = rng.pick(['+', '-', '']);
          const int = rng.int(0, 9);
          const frac = rng.int(0, 99_999_999);
          const exp = rng.int(-30, 30);
          const text = `${sign}${int}.${String(frac).padStart(8, '0')}${rng.chance(0.5) ? 'e' : 'E'}${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
          const value = (sign === '-' ? -1 : 1) * (int + frac / 1e8) * 10 ** exp;
          batch.push({ text, sent: { kind: 'value', value } });
        } else if (r < 0.75) {
          const text = rng.pick(['+9.90000000E+37', '-9.90000000E+37', '9.9E37']);
          batch.push({ text, sent: { kind: 'overload', negative: text.startsWith('-') } });
        } else if (r < 0.98) {
          let junk = '';
          for (let n = rng.int(0, 40); n > 0; n--) {
            const c = rng.int(0x20, 0xff);
            if (c !== 0x0a && c !== 0x0d) junk += String.fromCharCode(c);
          }
          batch.push({ text: junk + rng.pick(['G', 'X', 'Z', '?', '#']), sent: { kind: 'bad' } });
        } else {
          batch.push({ text: '1'.repeat(rng.int(4097, 6000)), sent: { kind: 'bad' } });
        }
      }
      const wire = batch.map((b) => b.text + (rng.chance(0.5) ? '\r\n' : '\n')).join('');
      t.frames += batch.length;
      t.hostile += batch.filter((b) => b.sent.kind === 'bad').length;
      let lines: string[] = [];
      try {
        for (const c of chunks(rng, enc.encode(wire), 64)) lines.push(...splitter.push(c));
      } catch (e) {
        noteThrow(t, e, wire);
        splitter.clear();
        continue;
      }
      const expected = batch.filter((b) => b.text.length <= 4096);
      if (lines.length !== expected.length) {
        noteWrong(t, `${expected.length} lines sent, ${lines.length} came out`);
        lines = [];
      }
      lines.forEach((line, i) => {
        const sent = expected[i]?.sent;
        try {
          const got = parseNr3(line);
          if (sent?.kind === 'value') {
            if (
              !got.ok ||
              got.kind !== 'value' ||
              Math.abs(got.value - sent.value) > Math.abs(sent.value) * 1e-12
            )
              noteWrong(t, `${line} → ${JSON.stringify(got)}`);
          } else if (sent?.kind === 'overload') {
            if (!got.ok || got.kind !== 'overload' || got.negative !== sent.negative)
              noteWrong(t, `${line} → ${JSON.stringify(got)}`);
          } else if (got.ok) noteWrong(t, `garbage ${line.slice(0, 60)} became ${JSON.stringify(got)}`);
        } catch (e) {
          noteThrow(t, e, line);
        }
      });
    }
    return t;
  },
};
