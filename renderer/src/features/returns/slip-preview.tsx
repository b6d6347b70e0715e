/**
 * The slip's HTML preview (returns.slipPreview) in a sandboxed iframe: `srcdoc` with an empty
 * `sandbox` attribute, so the document runs no script, submits nothing and cannot reach this page.
 */
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';

/** The preview at receipt width, scrolling inside its frame. */
export function SlipPreview({ html, height = 560 }: { html: string; height?: number }) {
  const { t } = useTranslation();
  return (
    <Box>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700, mb: 1 }}>
        {t('returnsUi.result.preview')}
      </Typography>
      <Box
        component="iframe"
        title={t('returnsUi.result.preview')}
        sandbox=""
        srcDoc={html}
        data-testid="slip-preview"
        sx={{
          width: 460,
          height,
          border: 1,
          borderColor: 'divider',
          borderRadius: 1,
          bgcolor: '#fff',
          display: 'block',
        }}
      />
    </Box>
  );
}
