/** Scanned bytes → text. Scanners send ASCII for 1D codes and usually UTF-8 for 2D codes with Chinese text. */

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export type DecodedScan = { text: string; encoding: 'utf-8' | 'latin1' };

/** Strict UTF-8 when the bytes are valid UTF-8, otherwise one character per byte (latin1), never a guess. */
export function decodeScanBytes(bytes: Uint8Array): DecodedScan {
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    let text = '';
    for (const b of bytes) text += String.fromCharCode(b);
    return { text, encoding: 'latin1' };
  }
}
