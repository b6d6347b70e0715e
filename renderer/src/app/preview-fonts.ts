/**
 * The bundled Noto Sans SC (@fontsource/noto-sans-sc, imported by main.tsx) for receipt previews.
 * A preview runs in a sandboxed srcdoc frame (opaque origin): it cannot load the app's font files,
 * so on a PC without a CJK system font its Chinese text and ￥ would draw as boxes. This finds the
 * font's unicode-range subsets that the preview's text needs (regular weight; bold is synthesised),
 * reads them from the app's own assets once, and returns @font-face rules with data: URLs (allowed
 * by the CSP's `font-src data:`) to put into the preview document.
 */

interface Subset {
  url: string;
  range: string;
  ranges: readonly (readonly [number, number])[];
}

const FAMILY = 'Noto Sans SC';
let subsets: Subset[] | null = null;
const dataUrls = new Map<string, Promise<string>>();

/** `U+4e00-9fff, U+3002, U+4??` → code point ranges. */
function parseRanges(text: string): [number, number][] {
  return text.split(',').flatMap((part): [number, number][] => {
    const m = /^\s*U\+([0-9a-f?]+)(?:-([0-9a-f]+))?\s*$/i.exec(part);
    if (!m?.[1]) return [];
    const lo = parseInt(m[1].replace(/\?/g, '0'), 16);
    const hi = m[2] ? parseInt(m[2], 16) : parseInt(m[1].replace(/\?/g, 'f'), 16);
    return [[lo, hi]];
  });
}

function bundledSubsets(): Subset[] {
  if (subsets) return subsets;
  const found: Subset[] = [];
  for (const sheet of Array.from(document.styleSheets)) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue; // a stylesheet from elsewhere
    }
    for (const rule of Array.from(rules)) {
      if (!(rule instanceof CSSFontFaceRule)) continue;
      const s = rule.style;
      if (s.getPropertyValue('font-family').replace(/["']/g, '').trim() !== FAMILY) continue;
      if (s.getPropertyValue('font-weight').trim() !== '400') continue;
      const url = /url\(["']?([^"')]+\.woff2)["']?\)/.exec(s.getPropertyValue('src'))?.[1];
      const range = s.getPropertyValue('unicode-range');
      if (url && range)
        found.push({
          url: new URL(url, sheet.href ?? document.baseURI).href,
          range,
          ranges: parseRanges(range),
        });
    }
  }
  if (found.length > 0) subsets = found;
  return found;
}

function dataUrl(url: string): Promise<string> {
  let p = dataUrls.get(url);
  if (!p) {
    p = fetch(url)
      .then((r) => {
        if (!r.ok) throw new Error(`font ${url}: ${r.status}`);
        return r.arrayBuffer();
      })
      .then((buf) => {
        const bytes = new Uint8Array(buf);
        let bin = '';
        for (let i = 0; i < bytes.length; i += 0x8000)
          bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        return `data:font/woff2;base64,${btoa(bin)}`;
      });
    p.catch(() => dataUrls.delete(url));
    dataUrls.set(url, p);
  }
  return p;
}

/** @font-face rules with the font subsets `text` needs (empty when none is needed or found). */
export async function previewFontCss(text: string): Promise<string> {
  const points = new Set<number>();
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp > 0x7e) points.add(cp);
  }
  if (points.size === 0) return '';
  const needed = bundledSubsets().filter((s) =>
    [...points].some((cp) => s.ranges.some(([lo, hi]) => cp >= lo && cp <= hi)),
  );
  const rules = await Promise.all(
    needed.map(
      async (s) =>
        `@font-face{font-family:"${FAMILY}";font-style:normal;font-weight:400;font-display:block;` +
        `src:url(${await dataUrl(s.url)}) format("woff2");unicode-range:${s.range}}`,
    ),
  );
  return rules.join('\n');
}

/** The preview document with `css` added to its head. */
export function withPreviewFonts(html: string, css: string): string {
  if (!css) return html;
  const style = `<style>${css}</style>`;
  return html.includes('</head>') ? html.replace('</head>', `${style}</head>`) : style + html;
}
