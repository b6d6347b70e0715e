/**
 * A print preview (print.preview HTML) shown inside the page without trusting it: a sandboxed
 * iframe (no scripts, no same-origin access, no forms) whose srcdoc is the preview document.
 */
import Box from '@mui/material/Box';

/** Width of the frame per paper width: the preview's paper plus its grey margin. */
const FRAME_WIDTH: Record<58 | 80, number> = { 58: 344, 80: 472 };

/** The preview in a sandboxed frame, scrolling inside when it is longer than `height`. */
export function PrintPreviewFrame({
  html,
  paper,
  title,
  height = 560,
}: {
  html: string;
  paper: 58 | 80;
  title: string;
  height?: number;
}) {
  return (
    <Box
      component="iframe"
      title={title}
      sandbox=""
      srcDoc={html}
      data-testid="print-preview"
      data-paper={paper}
      sx={{
        display: 'block',
        width: FRAME_WIDTH[paper],
        maxWidth: '100%',
        height,
        border: 1,
        borderColor: 'divider',
        borderRadius: 2,
        bgcolor: '#e9ebee',
      }}
    />
  );
}
