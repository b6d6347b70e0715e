/** Service KPIs for a date range: tiles with definitions, a daily trend line, breakdown bars, drill-down. */
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { BarChart } from '@mui/x-charts/BarChart';
import { LineChart } from '@mui/x-charts/LineChart';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, daysBetween } from '../../../../shared/domain/time/business-day';
import { DrillGrid } from './drill-grid';
import { KpiTile } from './kpi-tile';
import { ServiceKpis } from './service-kpis';
import { rangeKpis } from './report-figures';
import type { ReportData } from './use-report-data';

/** From/to pickers (default: the last 30 days) and the KPIs of that range. */
export function KpiPanel({ data, zone, today }: { data: ReportData; zone: string; today: string }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(addDays(today, -29));
  const [to, setTo] = useState(today);
  const [drill, setDrill] = useState(false);
  const k = useMemo(() => rangeKpis(data.jobs, from, to, zone), [data, from, to, zone]);
  // Every day of the range on the trend's axis (zeros included), up to a year.
  const trend = useMemo(() => {
    const n = Math.min(daysBetween(from, to), 366);
    const byDay = new Map(k.perDay.map((d) => [d.day, d]));
    return Array.from({ length: n + 1 }, (_v, i) => {
      const day = addDays(from, i);
      return byDay.get(day) ?? { day, received: 0, completed: 0 };
    });
  }, [k, from, to]);
  const series = (rows: { received: number; completed: number }[]) => [
    { data: rows.map((r) => r.received), label: t('reports.ui.series.received'), curve: 'linear' as const },
    { data: rows.map((r) => r.completed), label: t('reports.ui.series.completed'), curve: 'linear' as const },
  ];
  return (
    <Stack spacing={2} data-testid="kpi-panel">
      <Stack direction="row" spacing={2}>
        <TextField
          type="date"
          label={t('reports.ui.from')}
          value={from}
          onChange={(e) => e.target.value && setFrom(e.target.value)}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: to } }}
        />
        <TextField
          type="date"
          label={t('reports.ui.to')}
          value={to}
          onChange={(e) => e.target.value && setTo(e.target.value)}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: from } }}
        />
      </Stack>
      <ServiceKpis from={from} to={to} />
      <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', rowGap: 2 }}>
        <KpiTile name="received" value={String(k.received)} />
        <KpiTile name="completed" value={String(k.completed)} />
        <KpiTile
          name="overdueRate"
          value={k.overdueRate === null ? t('reports.ui.kpi.none') : `${Math.round(k.overdueRate * 100)}%`}
        />
      </Stack>
      <Paper variant="outlined" sx={{ p: 2 }} data-testid="chart-trend">
        <Typography variant="h6" component="h2">
          {t('reports.ui.kpi.trend')}
        </Typography>
        <LineChart
          height={240}
          skipAnimation
          yAxis={[{ tickMinStep: 1 }]}
          xAxis={[{ data: trend.map((d) => d.day.slice(5)), scaleType: 'point', height: 40 }]}
          series={series(trend)}
          onAxisClick={() => setDrill(true)}
        />
      </Paper>
      <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2}>
        <Paper variant="outlined" sx={{ p: 2, flex: 1 }} data-testid="chart-by-staff">
          <Typography variant="h6" component="h2">
            {t('reports.ui.kpi.byStaff')}
          </Typography>
          <BarChart
            skipAnimation
            yAxis={[{ tickMinStep: 1 }]}
            height={240}
            xAxis={[{ data: k.byStaff.map((r) => r.key), scaleType: 'band', height: 40 }]}
            series={series(k.byStaff)}
          />
        </Paper>
        <Paper variant="outlined" sx={{ p: 2, flex: 1 }} data-testid="chart-kpi-category">
          <Typography variant="h6" component="h2">
            {t('reports.ui.kpi.byCategory')}
          </Typography>
          <BarChart
            skipAnimation
            yAxis={[{ tickMinStep: 1 }]}
            height={240}
            xAxis={[{ data: k.byCategory.map((r) => r.key), scaleType: 'band', height: 40 }]}
            series={series(k.byCategory)}
          />
        </Paper>
      </Stack>
      {drill && (
        <DrillGrid
          title={t('reports.ui.grid.title', { figure: t('reports.ui.kpi.trend'), count: k.jobIds.length })}
          jobs={data.jobs.filter((j) => k.jobIds.includes(j.id))}
          onClose={() => setDrill(false)}
        />
      )}
    </Stack>
  );
}
