/**
 * Keyboard-wedge scans anywhere in the window, without eating a clerk's typing: every keydown
 * goes to the shared burst detector (shared/domain/scanner/wedge-detector) and then on as usual.
 * When a burst turns out to be a scan, its Enter/Tab is stopped (no form submit, no focus move)
 * and the text field that had the focus is put back to its value and selection from before the
 * burst — the scanned characters never stay in it as typed text. The code then goes to the
 * scan router, which may give it back to that very field when the field asked for that kind.
 * A scan whose Enter was already handled (preventDefault) by a listener that ran first is left alone.
 */
import { createWedgeDetector, type WedgeOptions } from '../../../../shared/domain/scanner/wedge-detector';

/** The value and selection of a text field at the start of a burst. */
interface FieldSnapshot {
  el: HTMLInputElement | HTMLTextAreaElement;
  value: string;
  start: number | null;
  end: number | null;
}

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'tel', 'url', 'email', 'password', 'number', '']);

/** The focused text field, or null when the focus is not in one. */
function focusedTextField(doc: Document): HTMLInputElement | HTMLTextAreaElement | null {
  const el = doc.activeElement;
  if (!el) return null;
  const view = doc.defaultView;
  if (!view) return null;
  if (el instanceof view.HTMLTextAreaElement) return el;
  if (el instanceof view.HTMLInputElement && TEXT_INPUT_TYPES.has(el.type)) return el;
  return null;
}

function snapshot(doc: Document): FieldSnapshot | null {
  const el = focusedTextField(doc);
  if (!el) return null;
  let start: number | null = null;
  let end: number | null = null;
  try {
    start = el.selectionStart;
    end = el.selectionEnd;
  } catch {
    // number inputs have no selection
  }
  return { el, value: el.value, start, end };
}

/**
 * Puts a field back to the snapshot. The value goes through the prototype's setter plus an input
 * event, so React's controlled state follows (a plain `el.value = …` would be undone by React).
 */
function restore(s: FieldSnapshot): void {
  const { el } = s;
  if (!el.isConnected || el.value === s.value) return;
  const view = el.ownerDocument.defaultView;
  if (!view) return;
  const proto =
    el instanceof view.HTMLTextAreaElement
      ? view.HTMLTextAreaElement.prototype
      : view.HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, s.value);
  el.dispatchEvent(new view.Event('input', { bubbles: true }));
  if (s.start !== null && s.end !== null) {
    try {
      el.setSelectionRange(s.start, s.end);
    } catch {
      // not every input type has a selection
    }
  }
}

/**
 * Listens on the window (capture phase, before any field or hotkey sees the key) and calls
 * `onScan(code)` for every wedge scan; returns the function that stops listening.
 */
export function installWedgeListener(
  win: Window,
  onScan: (code: string) => void,
  options: WedgeOptions = {},
): () => void {
  const detector = createWedgeDetector(options);
  let field: FieldSnapshot | null = null;

  const onKey = (e: KeyboardEvent) => {
    // IME compositions and shortcuts are a person at work; the detector never sees them.
    if (e.ctrlKey || e.altKey || e.metaKey || e.isComposing || e.key === 'Process') return;
    const r = detector.push({ key: e.key, at: e.timeStamp, repeat: e.repeat });
    if (r.type === 'candidate') {
      if (r.burstLength === 1) field = snapshot(win.document);
      return;
    }
    if (r.type === 'typing') {
      field = null;
      return;
    }
    const snap = field;
    field = null;
    // A screen's own listener that ran first and took the scan said so with preventDefault().
    if (e.defaultPrevented) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    if (snap) restore(snap);
    onScan(r.scan.code);
  };
  const onBlur = () => {
    detector.reset();
    field = null;
  };
  win.addEventListener('keydown', onKey, true);
  win.addEventListener('blur', onBlur);
  return () => {
    win.removeEventListener('keydown', onKey, true);
    win.removeEventListener('blur', onBlur);
  };
}
