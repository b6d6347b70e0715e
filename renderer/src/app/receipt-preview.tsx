/**
 * The one receipt preview: the printer's HTML preview (rendered by core) in a sandboxed iframe —
 * `srcdoc` with an empty `sandbox` attribute, so the document runs no script, submits nothing and
 * cannot reach this page — with the bundled Noto Sans SC embedded (preview-fonts.ts), so Chinese
 * and ￥ draw on any PC, also one without a CJK system font. Used for return slips, repair documents and print queue jobs.
 */
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { previewFontCss, withPreviewFonts } from './preview-fonts';

/** Width of the frame per paper width: the preview's paper plus its grey margin. */
const FRAME_WIDTH: Record<58 | 80, number> = { 58: 344, 80: 472 };

export interface ReceiptPreviewProps {
  html: string;
  /** The frame's accessible title. */
  title: string;
  /** Names the frame for tests (`slip-preview`, `repair-slip-intake`, `print-preview`, …). */
  testId: string;
  /** The paper the preview shows (sets the frame's width; 80 mm when not known). */
  paper?: 58 | 80;
  height?: number;
  /** A heading shown above the frame. */
  heading?: string;
}

/** The preview at receipt width, scrolling inside its frame when it is longer than `height`. */
export function ReceiptPreview({ html, title, testId, paper, height = 560, heading }: ReceiptPreviewProps) {
  const [fonts, setFonts] = useState<{ html: string; css: string } | null>(null);
  useEffect(() => {
    let live = true;
    previewFontCss(html)
      .catch(() => '') // without the embedded font the system's fonts draw the preview
      .then((css) => {
        if (live) setFonts({ html, css });
      });
    return () => {
      live = false;
    };
  }, [html]);
  // The frame stays blank until the fonts are in: once a page of this renderer has drawn a character
  // without them, Chromium keeps drawing it from its fallback (a box) even after they arrive.
  const doc = fonts?.html === html ? withPreviewFonts(html, fonts.css) : '';
  const frame = (
    <Box
      component="iframe"
      title={title}
      sandbox=""
      srcDoc={doc}
      data-testid={testId}
      {...(paper ? { 'data-paper': paper } : {})}
      sx={{
        display: 'block',
        width: FRAME_WIDTH[paper ?? 80],
        maxWidth: '100%',
        height,
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        bgcolor: '#e9ebee',
      }}
    />
  );
  if (!heading) return frame;
  return (
    <Box>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700, mb: 1 }}>
        {heading}
      </Typography>
      {frame}
    </Box>
  );
}
