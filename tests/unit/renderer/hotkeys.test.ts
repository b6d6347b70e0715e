import { describe, expect, it } from 'vitest';
import { FALLBACK, HotkeyRegistry, SCREEN } from '../../../renderer/src/app/hotkeys';

function press(r: HotkeyRegistry, key: string, extra: { ctrlKey?: boolean; repeat?: boolean } = {}) {
  let prevented = false;
  const handled = r.handle({ key, ...extra, preventDefault: () => void (prevented = true) });
  return { handled, prevented };
}

describe('hotkey registry', () => {
  it('runs the binding of a pressed function key and keeps the key from the browser', () => {
    const r = new HotkeyRegistry();
    const log: string[] = [];
    r.bind('F2', 0, () => log.push('returns'));
    expect(press(r, 'F2')).toEqual({ handled: true, prevented: true });
    expect(log).toEqual(['returns']);
  });

  it('keeps unbound function keys from the browser (F1 help page, F3 find) but lets Esc through', () => {
    const r = new HotkeyRegistry();
    expect(press(r, 'F1')).toEqual({ handled: false, prevented: true });
    expect(press(r, 'F3')).toEqual({ handled: false, prevented: true });
    expect(press(r, 'Escape')).toEqual({ handled: false, prevented: false });
    expect(press(r, 'a')).toEqual({ handled: false, prevented: false });
  });

  it('lets a screen binding win over the shell fallback regardless of mount order', () => {
    const r = new HotkeyRegistry();
    const log: string[] = [];
    r.bind('Escape', 0, () => log.push('screen step back'), SCREEN);
    r.bind('Escape', 0, () => log.push('shell back'), FALLBACK);
    press(r, 'Escape');
    expect(log).toEqual(['screen step back']);
  });

  it('gives the newest binding of equal priority the key, and the older one again after unbinding', () => {
    const r = new HotkeyRegistry();
    const log: string[] = [];
    r.bind('F9', 0, () => log.push('old'));
    const unbind = r.bind('F9', 0, () => log.push('new'));
    press(r, 'F9');
    unbind();
    press(r, 'F9');
    expect(log).toEqual(['new', 'old']);
  });

  it('fires only bindings of the top layer while a dialog is open', () => {
    const r = new HotkeyRegistry();
    const log: string[] = [];
    r.bind('F2', 0, () => log.push('returns'));
    r.bind('Escape', 0, () => log.push('shell back'));
    const dialog = r.pushLayer();
    r.bind('Escape', dialog.id, () => log.push('close dialog'));
    expect(press(r, 'F2').handled).toBe(false);
    press(r, 'Escape');
    dialog.pop();
    press(r, 'Escape');
    press(r, 'F2');
    expect(log).toEqual(['close dialog', 'shell back', 'returns']);
  });

  it('ignores key repeats and chords with Ctrl/Alt/Meta', () => {
    const r = new HotkeyRegistry();
    let n = 0;
    r.bind('F12', 0, () => n++);
    press(r, 'F12', { repeat: true });
    press(r, 'F12', { ctrlKey: true });
    expect(n).toBe(0);
  });
});
