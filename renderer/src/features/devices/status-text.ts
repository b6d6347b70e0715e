/**
 * Device and port messages from core come as an i18n key plus params (`devices.serialBusy`,
 * `printer.status.paperOut`, `errors.SERIAL_OPEN_FAILED` …); this turns them into the sentence in
 * the UI language, with nested values flattened to text and unknown keys shown as a fallback.
 */
import type { TFunction } from 'i18next';

/** Params as i18next interpolation values: primitives kept, objects and arrays as JSON text. */
export function flatParams(
  params: Record<string, unknown> | undefined,
): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(params ?? {})) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = v;
    else if (v !== undefined && v !== null) out[k] = JSON.stringify(v);
  }
  return out;
}

/** The translated message, or "something went wrong (key)" when the key is unknown to this build. */
export function messageText(
  t: TFunction,
  exists: (key: string) => boolean,
  key: string,
  params?: Record<string, unknown>,
): string {
  if (!exists(key)) return t('devices.ui.unknownMessage', { key });
  return t(key, flatParams(params));
}
