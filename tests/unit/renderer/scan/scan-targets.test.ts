/** Which field gets a scan (renderer/src/app/scan/scan-targets): the focused one, else the most recently focused or added. */
import { describe, expect, it } from 'vitest';
import { ScanTargets, type ScanTarget } from '../../../../renderer/src/app/scan/scan-targets';

function target(id: number, label: string, focused = false): ScanTarget {
  return { id, kinds: ['serial'], label, deliver: () => undefined, hasFocus: () => focused };
}

describe('scan targets', () => {
  it('the newest target is active; activating an older one (its field got the focus) makes it active', () => {
    const t = new ScanTargets();
    expect(t.active()).toBeNull();
    const offA = t.register(target(1, 'A'));
    t.register(target(2, 'B'));
    expect(t.active()?.label).toBe('B');
    t.activate(1);
    expect(t.active()?.label).toBe('A');
    offA();
    expect(t.active()?.label).toBe('B');
  });

  it('a target whose field holds the focus wins over the top one', () => {
    const t = new ScanTargets();
    t.register(target(1, 'focused', true));
    t.register(target(2, 'newest'));
    expect(t.active()?.label).toBe('focused');
  });

  it('an update (new label after a language switch) keeps the order; listeners hear real changes only', () => {
    const t = new ScanTargets();
    let changes = 0;
    t.subscribe(() => changes++);
    t.register(target(1, 'A'));
    t.register(target(2, 'B'));
    expect(changes).toBe(2);
    t.update(target(1, 'A2'));
    expect(changes).toBe(3);
    expect(t.active()?.label).toBe('B');
    t.update(target(1, 'A2'));
    t.activate(2);
    expect(changes).toBe(3);
    t.activate(1);
    expect(changes).toBe(4);
    expect(t.get(1)?.label).toBe('A2');
  });
});
