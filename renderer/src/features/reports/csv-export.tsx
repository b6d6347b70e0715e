/** Export button with progress: builds the CSV, offers it as a download link with name and size. */
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Ready {
  url: string;
  file: string;
  bytes: number;
}

/** Builds `content()` on click (after the progress bar shows) and links the resulting file. */
export function CsvExport({ file, content }: { file: string; content(): string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [ready, setReady] = useState<Ready | null>(null);
  useEffect(
    () => () => {
      if (ready) URL.revokeObjectURL(ready.url);
    },
    [ready],
  );
  const run = () => {
    setBusy(true);
    setReady(null);
    // Let the progress bar paint before the (synchronous) build.
    requestAnimationFrame(() => {
      const text = content();
      const blob = new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' });
      setReady({ url: URL.createObjectURL(blob), file, bytes: blob.size });
      setBusy(false);
    });
  };
  return (
    <Stack spacing={1} sx={{ minWidth: 240 }}>
      <Button variant="outlined" onClick={run} disabled={busy} sx={{ minHeight: 48 }}>
        {busy ? t('reports.ui.exporting') : t('reports.ui.exportCsv')}
      </Button>
      {busy && <LinearProgress data-testid="export-progress" />}
      {ready && (
        <Link href={ready.url} download={ready.file} data-testid="export-file">
          {t('reports.ui.exported', { file: ready.file, bytes: ready.bytes })}
        </Link>
      )}
    </Stack>
  );
}
