/**
 * What an ESC/POS printer sends back (DLE EOT reply bytes, 4-byte ASB frames, XON/XOFF), in random
 * chunks with garbage bytes between replies: every reply and frame comes out in order and decodes to
 * the printer condition it was built from; garbage never becomes a status and never throws.
 */
import {
  StatusStreamParser,
  XOFF,
  XON,
  asbFrameFor,
  flagsFromAsb,
  isAsbFirstByte,
  isRealtimeStatusByte,
  realtimeBytesFor,
  type StatusStreamEvent,
} from '../../../core/hardware/printers/escpos-status';
import type { DemoRng } from '../../../core/demo/demo-rng';
import { chunks, hex, newTally, noteThrow, noteWrong, type FuzzTarget } from './tally';

function condition(rng: DemoRng) {
  return {
    online: rng.chance(0.8),
    coverOpen: rng.chance(0.1),
    paperOut: rng.chance(0.1),
    paperNearEnd: rng.chance(0.2),
    drawerOpen: rng.chance(0.3),
    error: rng.chance(0.05),
  };
}
type Flags = ReturnType<typeof condition>;
/** What the status says once the printer reports it: offline follows from the causes, paper out implies near end. */
const seen = (f: Flags): Flags => ({
  ...f,
  online: f.online && !f.coverOpen && !f.paperOut && !f.error,
  paperNearEnd: f.paperNearEnd || f.paperOut,
});
const garbageByte = (rng: DemoRng): number => {
  for (;;) {
    const b = rng.int(0, 255);
    if (!isRealtimeStatusByte(b) && !isAsbFirstByte(b) && b !== XON && b !== XOFF) return b;
  }
};

export const escposStatusTarget: FuzzTarget = {
  name: 'escpos-status',
  frame: 'one status reply or ASB frame (or one garbage byte)',
  run(rng, frames) {
    const t = newTally('escpos-status');
    const parser = new StatusStreamParser();
    while (t.frames < frames) {
      const wire: number[] = [];
      const sent: ({ kind: 'realtime'; byte: number } | { kind: 'asb'; flags: Flags })[] = [];
      for (let i = rng.int(1, 30); i > 0; i--) {
        const r = rng.next();
        if (r < 0.4) {
          const f = condition(rng);
          const rt = realtimeBytesFor(f);
          const byte = rng.pick([rt.printer, rt.offlineCause, rt.errorCause, rt.paper]);
          wire.push(byte);
          sent.push({ kind: 'realtime', byte });
        } else if (r < 0.75) {
          const f = condition(rng);
          wire.push(...asbFrameFor(f));
          sent.push({ kind: 'asb', flags: seen(f) });
        } else if (r < 0.8) {
          wire.push(rng.chance(0.5) ? XON : XOFF);
        } else {
          wire.push(garbageByte(rng));
          t.hostile++;
        }
        t.frames++;
      }
      const events: StatusStreamEvent[] = [];
      try {
        for (const c of chunks(rng, Uint8Array.from(wire), 7)) events.push(...parser.push(c));
      } catch (e) {
        noteThrow(t, e, hex(Uint8Array.from(wire)));
        continue;
      }
      if (events.length !== sent.length) {
        noteWrong(
          t,
          `${sent.length} replies sent, ${events.length} came out from ${hex(Uint8Array.from(wire))}`,
        );
        continue;
      }
      events.forEach((ev, i) => {
        const s = sent[i];
        if (s?.kind === 'realtime') {
          if (ev.kind !== 'realtime' || ev.byte !== s.byte)
            noteWrong(t, `reply ${s.byte} came out as ${JSON.stringify(ev)}`);
        } else if (s?.kind === 'asb') {
          const got = ev.kind === 'asb' ? flagsFromAsb(ev.frame) : null;
          if (JSON.stringify(got) !== JSON.stringify(s.flags))
            noteWrong(t, `ASB ${JSON.stringify(s.flags)} came out as ${JSON.stringify(got)}`);
        }
      });
    }
    return t;
  },
};
