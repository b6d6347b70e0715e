/**
 * The daily summary of a chosen business day, all from core's `reports.daily` (the same object the
 * slip, the PDF and the CSV print): headline figures that open the records behind them
 * (`reports.drillDown`), refunds by tender and repair counts as charts, reconciliation, and every
 * section of the printout (daily-sections.tsx); print / PDF / CSV from core (daily-actions.tsx).
 */
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { BarChart } from '@mui/x-charts/BarChart';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorValue } from '../../../../shared/contract/errors';
import type { DailySummary, DrillFigure, DrillOutput } from '../../../../shared/contract/methods/reports';
import { summarySections } from '../../../../shared/contract/methods/reports-rows';
import { useApi } from '../../app/api-context';
import { ErrorMessage } from '../../app/error-message';
import { useLocale } from '../../app/locale-provider';
import { useMoney } from '../../app/use-money';
import { DailyActions } from './daily-actions';
import { DailySections } from './daily-sections';
import { codeName } from './drill-format';
import { DrillGrid } from './drill-grid';
import { FigureButton } from './figure-button';

/** Headline tiles: the summary row each shows (so the tile reads exactly as printed) and its drill-down. */
const TILES: { id: string; row: string; drill?: DrillFigure }[] = [
  { id: 'returns', row: 'returns.count', drill: 'returns' },
  { id: 'refundTotal', row: 'returns.refundTotal' },
  { id: 'overrides', row: '', drill: 'overrides' },
  { id: 'repairsReceived', row: 'repairs.received', drill: 'repairsReceived' },
  { id: 'repairsCompleted', row: 'repairs.completed', drill: 'repairsCompleted' },
  { id: 'repairsPickedUp', row: 'repairs.pickedUp', drill: 'repairsPickedUp' },
  { id: 'repairsOpen', row: 'repairs.openAtClose', drill: 'repairsOpen' },
  { id: 'repairsOverdue', row: 'repairs.overdueAtClose', drill: 'repairsOverdue' },
  { id: 'testsFailed', row: 'tests.fail', drill: 'testsFailed' },
  { id: 'cashNet', row: 'drawer.cashNet' },
];

export interface DailyPanelProps {
  zone: string;
  today: string;
}

/** Day picker and the summary of that day. */
export function DailyPanel({ zone, today }: DailyPanelProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const api = useApi();
  const money = useMoney();
  const [day, setDay] = useState(today);
  const [s, setS] = useState<DailySummary | null>(null);
  const [error, setError] = useState<AppErrorValue | null>(null);
  const [drill, setDrill] = useState<{ figure: DrillFigure; data: DrillOutput } | null>(null);

  useEffect(() => {
    let live = true;
    setS(null);
    setDrill(null);
    setError(null);
    void api.call('reports.daily', { day }).then((r) => {
      if (!live) return;
      if (r.ok) setS(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [api, day]);

  const sections = useMemo(() => (s ? summarySections(s, locale) : []), [s, locale]);
  const rowValue = (id: string): string => {
    for (const sec of sections) for (const r of sec.rows) if (r.id === id) return r.value;
    return '—';
  };
  const open = async (figure: DrillFigure) => {
    const r = await api.call('reports.drillDown', { day, figure });
    if (r.ok) setDrill({ figure, data: r.value });
    else setError(r.error);
  };

  return (
    <Stack spacing={2} data-testid="daily-summary" data-day={day}>
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <TextField
          type="date"
          label={t('reports.ui.day')}
          value={day}
          onChange={(e) => e.target.value && setDay(e.target.value)}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: today, 'data-testid': 'report-day' } }}
        />
        <DailyActions day={day} />
      </Stack>
      {error && <ErrorMessage error={error} onClose={() => setError(null)} />}
      {!s ? (
        !error && <LinearProgress />
      ) : (
        <>
          <Paper variant="outlined" sx={{ p: 2 }}>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {t('reports.ui.figureHint')}
            </Typography>
            <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
              {TILES.map((tile) => (
                <FigureButton
                  key={tile.id}
                  id={tile.id}
                  label={t(`reports.ui.figures.${tile.id}`)}
                  value={tile.id === 'overrides' ? String(s.overrides.length) : rowValue(tile.row)}
                  selected={drill !== null && drill.figure === tile.drill}
                  onOpen={tile.drill ? () => void open(tile.drill as DrillFigure) : undefined}
                />
              ))}
            </Stack>
          </Paper>
          {drill && (
            <DrillGrid
              figure={drill.figure}
              title={t('reports.ui.grid.title', {
                figure: t(`reports.ui.figures.${drill.figure}`),
                count: drill.data.rows.length,
              })}
              data={drill.data}
              zone={zone}
              onClose={() => setDrill(null)}
            />
          )}
          <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2}>
            <Paper variant="outlined" sx={{ p: 2, flex: 1, minWidth: 0 }} data-testid="chart-by-tender">
              <Typography variant="h6" component="h2">
                {t('report.byTender')}
              </Typography>
              {s.returns.byTender.length === 0 ? (
                <Typography color="text.secondary">{t('report.none')}</Typography>
              ) : (
                <BarChart
                  skipAnimation
                  localeText={{ noData: t('report.none') }}
                  height={220}
                  xAxis={[
                    {
                      data: s.returns.byTender.map((x) => codeName(t, 'money.tender', x.key)),
                      scaleType: 'band',
                      height: 40,
                    },
                  ]}
                  yAxis={[{ valueFormatter: (v: number) => money(v), width: 80 }]}
                  series={[
                    {
                      data: s.returns.byTender.map((x) => x.amountMinor),
                      label: t('reports.ui.series.refunds'),
                      valueFormatter: (v) => (v === null ? '' : money(v)),
                    },
                  ]}
                />
              )}
            </Paper>
            <Paper variant="outlined" sx={{ p: 2, flex: 1, minWidth: 0 }} data-testid="chart-repairs">
              <Typography variant="h6" component="h2">
                {t('report.chartRepairs')}
              </Typography>
              <BarChart
                skipAnimation
                localeText={{ noData: t('report.none') }}
                height={220}
                yAxis={[{ tickMinStep: 1 }]}
                xAxis={[
                  {
                    data: [
                      t('report.received'),
                      t('report.completed'),
                      t('report.pickedUp'),
                      t('report.openAtClose'),
                      t('report.overdueAtClose'),
                    ],
                    scaleType: 'band',
                    height: 40,
                  },
                ]}
                series={[
                  {
                    data: [
                      s.repairs.received,
                      s.repairs.completed,
                      s.repairs.pickedUp,
                      s.repairs.openAtClose,
                      s.repairs.overdueAtClose,
                    ],
                    label: t('report.repairs'),
                  },
                ]}
              />
            </Paper>
            <Paper variant="outlined" sx={{ p: 2, flex: 1, minWidth: 0 }} data-testid="reconciliation">
              <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
                {t('report.reconciliation')}
              </Typography>
              {s.reconciliation.map((c) => (
                <Stack key={c.check} direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.5 }}>
                  <Chip
                    size="small"
                    color={c.ok ? 'success' : 'error'}
                    label={c.ok ? t('report.recOk') : t('report.recBad')}
                  />
                  <Typography variant="body2">{t(`report.check.${c.check}`)}</Typography>
                </Stack>
              ))}
            </Paper>
          </Stack>
          <Typography variant="h6" component="h2">
            {t('reports.ui.sections.asPrinted')}
          </Typography>
          <DailySections sections={sections} />
        </>
      )}
    </Stack>
  );
}
