/** The day's outputs from core: print on the receipt printer (a second print says REPRINT), A4 PDF and CSV downloads. */
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorValue } from '../../../../shared/contract/errors';
import { useApi } from '../../app/api-context';
import { ErrorMessage } from '../../app/error-message';
import { useDownload } from './use-download';

/** Print / PDF / CSV buttons for `day`, with progress, the download link and the print result. */
export function DailyActions({ day }: { day: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const [busy, setBusy] = useState<string | null>(null);
  const [printed, setPrinted] = useState<{ reprint: boolean } | null>(null);
  const [error, setError] = useState<AppErrorValue | null>(null);
  const [file, setFile] = useDownload();
  useEffect(() => {
    setPrinted(null);
    setError(null);
  }, [day]);

  const print = async () => {
    setBusy('print');
    const r = await api.call('reports.printDaily', { day });
    setBusy(null);
    if (r.ok) setPrinted({ reprint: r.value.reprint });
    else setError(r.error);
  };
  const exportAs = async (format: 'pdf' | 'csv') => {
    setBusy(format);
    const r = await api.call('reports.exportDaily', { day, format });
    setBusy(null);
    if (r.ok) setFile(r.value);
    else setError(r.error);
  };
  return (
    <Stack spacing={1} data-testid="daily-actions">
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        <Button
          variant="contained"
          size="large"
          disabled={busy !== null}
          onClick={() => void print()}
          sx={{ minHeight: 48 }}
        >
          {t('reports.ui.printDaily')}
        </Button>
        <Button
          variant="outlined"
          size="large"
          disabled={busy !== null}
          onClick={() => void exportAs('pdf')}
          sx={{ minHeight: 48 }}
        >
          {t('reports.ui.exportPdf')}
        </Button>
        <Button
          variant="outlined"
          size="large"
          disabled={busy !== null}
          onClick={() => void exportAs('csv')}
          sx={{ minHeight: 48 }}
        >
          {t('reports.ui.exportCsv')}
        </Button>
        {busy && <LinearProgress sx={{ width: 160 }} data-testid="export-progress" />}
        {file && (
          <Link href={file.url} download={file.fileName} data-testid="report-file">
            {t('reports.ui.exported', { file: file.fileName, bytes: file.bytes })}
          </Link>
        )}
      </Stack>
      {printed && (
        <Alert severity="success" role="status" data-testid="printed" data-reprint={printed.reprint ? 'yes' : 'no'}>
          {t('reports.ui.printed')}
          {printed.reprint ? ` · ${t('report.reprint')}` : ''}
        </Alert>
      )}
      {error && <ErrorMessage error={error} onClose={() => setError(null)} />}
    </Stack>
  );
}
