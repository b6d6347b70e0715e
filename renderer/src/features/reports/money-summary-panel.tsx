/**
 * The day's returns, money and checks from the reports service (the same numbers as the printed
 * slip, the PDF and the CSV): refunds by tender (chart), overrides, cash drawer, reconciliation;
 * print on the receipt printer (a second print says REPRINT) and export the A4 PDF / CSV; drill
 * down from a figure to its records.
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { BarChart } from '@mui/x-charts/BarChart';
import { DataGrid } from '@mui/x-data-grid';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/contract';
import type { AppErrorValue } from '../../../../shared/contract/errors';
import type { DailySummary } from '../../../../shared/contract/methods/reports';
import { useApi } from '../../app/api-context';
import { ErrorMessage } from '../../app/error-message';
import { useMoney } from '../../app/use-money';
import { useDownload } from './use-download';

type Drill = MethodOutput<'reports.drillDown'>;
type DrillFigure = 'returns' | 'overrides' | 'repairsReceived' | 'repairsCompleted' | 'repairsOverdue' | 'testsFailed';

function Figure({ id, label, value, onOpen }: { id: DrillFigure | string; label: string; value: string; onOpen?: () => void }) {
  return (
    <Paper variant="outlined" sx={{ p: 1.5, minWidth: 150 }} data-money-figure={id}>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      {onOpen ? (
        <Button onClick={onOpen} sx={{ fontSize: '1.5rem', p: 0, minHeight: 44 }} data-value>
          {value}
        </Button>
      ) : (
        <Typography variant="h5" data-value>
          {value}
        </Typography>
      )}
    </Paper>
  );
}

/** The panel for `day`. */
export function MoneySummaryPanel({ day }: { day: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const money = useMoney();
  const [s, setS] = useState<DailySummary | null>(null);
  const [error, setError] = useState<AppErrorValue | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [printed, setPrinted] = useState<{ reprint: boolean; html: string } | null>(null);
  const [drill, setDrill] = useState<{ figure: DrillFigure; data: Drill } | null>(null);
  const [file, setFile] = useDownload();

  useEffect(() => {
    let live = true;
    setS(null);
    setPrinted(null);
    setDrill(null);
    void api.call('reports.daily', { day }).then((r) => {
      if (!live) return;
      if (r.ok) setS(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [api, day]);

  const print = async () => {
    setBusy('print');
    const r = await api.call('reports.printDaily', { day });
    setBusy(null);
    if (r.ok) setPrinted({ reprint: r.value.reprint, html: r.value.html });
    else setError(r.error);
  };
  const exportAs = async (format: 'pdf' | 'csv') => {
    setBusy(format);
    const r = await api.call('reports.exportDaily', { day, format });
    setBusy(null);
    if (r.ok) setFile(r.value);
    else setError(r.error);
  };
  const open = async (figure: DrillFigure) => {
    const r = await api.call('reports.drillDown', { day, figure });
    if (r.ok) setDrill({ figure, data: r.value });
    else setError(r.error);
  };

  if (error) return <ErrorMessage error={error} onClose={() => setError(null)} />;
  if (!s) return <LinearProgress />;
  const r = s.returns;
  return (
    <Stack spacing={2} data-testid="money-summary">
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        <Button variant="contained" size="large" disabled={busy !== null} onClick={() => void print()} sx={{ minHeight: 48 }}>
          {t('reports.ui.printDaily')}
        </Button>
        <Button variant="outlined" size="large" disabled={busy !== null} onClick={() => void exportAs('pdf')} sx={{ minHeight: 48 }}>
          {t('reports.ui.exportPdf')}
        </Button>
        <Button variant="outlined" size="large" disabled={busy !== null} onClick={() => void exportAs('csv')} sx={{ minHeight: 48 }}>
          {`${t('report.dailyTitle')} CSV`}
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
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
          {t('report.returns')}
        </Typography>
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <Figure id="returns" label={t('report.count')} value={String(r.count)} onOpen={() => void open('returns')} />
          <Figure id="refundTotal" label={t('report.refundTotal')} value={money(r.refundTotalMinor)} />
          <Figure id="fees" label={t('report.restockingFees')} value={money(r.restockingFeesMinor)} />
          <Figure id="storeCredit" label={t('report.storeCredit')} value={money(r.storeCreditIssuedMinor)} />
          <Figure id="overrides" label={t('report.overrides')} value={String(s.overrides.length)} onOpen={() => void open('overrides')} />
          <Figure id="cashNet" label={t('report.cashNet')} value={money(s.drawer.netMinor)} />
          <Figure id="testsFailed" label={t('report.fail')} value={String(s.tests.fail)} onOpen={() => void open('testsFailed')} />
        </Stack>
      </Paper>
      {drill && (
        <Paper variant="outlined" sx={{ p: 2 }} data-testid="money-drill" data-figure={drill.figure}>
          <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
            <Typography variant="h6" component="h2">
              {t('reports.ui.grid.title', { figure: drill.figure, count: drill.data.rows.length })}
            </Typography>
            <Button onClick={() => setDrill(null)}>{t('reports.ui.grid.close')}</Button>
          </Stack>
          <Box sx={{ height: 320 }}>
            <DataGrid
              density="compact"
              rows={drill.data.rows.map((row, i) => ({ __id: i, ...row }))}
              getRowId={(row) => row.__id as number}
              columns={drill.data.columns.map((c) => ({ field: c, headerName: c, flex: 1, minWidth: 110 }))}
            />
          </Box>
        </Paper>
      )}
      <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2}>
        <Paper variant="outlined" sx={{ p: 2, flex: 2 }} data-testid="chart-by-tender">
          <Typography variant="h6" component="h2">
            {t('report.byTender')}
          </Typography>
          {r.byTender.length === 0 ? (
            <Typography color="text.secondary">{t('report.none')}</Typography>
          ) : (
            <BarChart
              skipAnimation
              height={220}
              xAxis={[{ data: r.byTender.map((x) => t(`money.tender.${x.key}`)), scaleType: 'band', height: 40 }]}
              series={[{ data: r.byTender.map((x) => x.amountMinor / 100), label: t('report.chartTenders') }]}
            />
          )}
        </Paper>
        <Paper variant="outlined" sx={{ p: 2, flex: 1 }} data-testid="reconciliation">
          <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
            {t('report.reconciliation')}
          </Typography>
          {s.reconciliation.map((c) => (
            <Stack key={c.check} direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.5 }}>
              <Chip size="small" color={c.ok ? 'success' : 'error'} label={c.ok ? t('report.recOk') : t('report.recBad')} />
              <Typography variant="body2">{t(`report.check.${c.check}`)}</Typography>
            </Stack>
          ))}
        </Paper>
      </Stack>
    </Stack>
  );
}
