/** The daily summary of a chosen business day: repair figures with drill-down, chart, instruments, CSV. */
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { BarChart } from '@mui/x-charts/BarChart';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DrillGrid } from './drill-grid';
import { CsvExport } from './csv-export';
import { FigureButton } from './figure-button';
import { MoneySummaryPanel } from './money-summary-panel';
import { FIGURE_KEYS, dailyCsv, dailySummary, type FigureKey } from './report-figures';
import type { ReportData } from './use-report-data';

export interface DailyPanelProps {
  data: ReportData;
  zone: string;
  today: string;
}

/** Day picker, figures, by-category chart, calibration list, print/PDF/CSV actions, drill-down. */
export function DailyPanel({ data, zone, today }: DailyPanelProps) {
  const { t } = useTranslation();
  const [day, setDay] = useState(today);
  const [open, setOpen] = useState<FigureKey | null>(null);
  const summary = useMemo(
    () => dailySummary(data.jobs, data.instruments, day, zone),
    [data, day, zone],
  );
  const label = (k: FigureKey) => t(`reports.ui.figures.${k}`);
  const drillJobs = open
    ? data.jobs.filter((j) => summary.figures[open].jobIds.includes(j.id))
    : [];
  return (
    <Stack spacing={2} data-testid="daily-summary" data-day={day}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <TextField
          type="date"
          label={t('reports.ui.day')}
          value={day}
          onChange={(e) => e.target.value && setDay(e.target.value)}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: today, 'data-testid': 'report-day' } }}
        />
        <CsvExport file={`counterdesk-daily-${day}.csv`} content={() => dailyCsv(summary, label)} />
      </Stack>
      <MoneySummaryPanel day={day} />
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
          {t('reports.ui.sections.repairs')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {t('reports.ui.figureHint')}
        </Typography>
        <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', rowGap: 2 }}>
          {FIGURE_KEYS.map((k) => (
            <FigureButton
              key={k}
              id={k}
              label={label(k)}
              value={summary.figures[k].count}
              selected={open === k}
              onOpen={() => setOpen(k)}
            />
          ))}
        </Stack>
      </Paper>
      {open && (
        <DrillGrid
          title={t('reports.ui.grid.title', { figure: label(open), count: drillJobs.length })}
          jobs={drillJobs}
          onClose={() => setOpen(null)}
        />
      )}
      <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2}>
        <Paper variant="outlined" sx={{ p: 2, flex: 2 }} data-testid="chart-by-category">
          <Typography variant="h6" component="h2">
            {t('reports.ui.sections.chart')}
          </Typography>
          <BarChart
            skipAnimation
            yAxis={[{ tickMinStep: 1 }]}
            height={260}
            xAxis={[{ data: summary.byCategory.map((c) => c.category), scaleType: 'band', height: 40 }]}
            series={[
              { data: summary.byCategory.map((c) => c.received), label: t('reports.ui.series.received') },
              { data: summary.byCategory.map((c) => c.completed), label: t('reports.ui.series.completed') },
            ]}
          />
        </Paper>
        <Paper variant="outlined" sx={{ p: 2, flex: 1 }} data-testid="calibration-due">
          <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
            {t('reports.ui.sections.calibration')}
          </Typography>
          {summary.calibrationDue.length === 0 ? (
            <Typography>{t('reports.ui.sections.calibrationNone')}</Typography>
          ) : (
            summary.calibrationDue.map((i) => (
              <Typography key={i.id}>
                {i.model} · {i.serial} · {i.calibrationDue}
              </Typography>
            ))
          )}
        </Paper>
      </Stack>
    </Stack>
  );
}
