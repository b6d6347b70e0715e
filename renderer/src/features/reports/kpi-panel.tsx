/**
 * After-sales KPIs over a date range, all from core's `reports.kpis`: tiles with their definitions,
 * the refund trend, and the breakdowns by technician, by category, return rate by category and
 * returns by reason (chart + grid). A click on a point, bar or count lists the records behind it
 * (`reports.kpiDrillDown`).
 */
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { BarChart } from '@mui/x-charts/BarChart';
import { LineChart } from '@mui/x-charts/LineChart';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorValue } from '../../../../shared/contract/errors';
import type { DrillOutput, KpiDrillFigure, KpiReport } from '../../../../shared/contract/methods/reports';
import { addDays } from '../../../../shared/domain/time/business-day';
import { useApi } from '../../app/api-context';
import { ErrorMessage } from '../../app/error-message';
import { useMoney } from '../../app/use-money';
import { BreakdownGrid, type BreakdownColumn, type BreakdownRow } from './breakdown-grid';
import { codeName } from './drill-format';
import { DrillGrid } from './drill-grid';
import { KpiTile, KpiTitle } from './kpi-tile';

const RATES = new Set<string>(['onTimeRate', 'firstTimeFixRate', 'repeatRate']);
const TILES = [
  'jobsReceived',
  'jobsCompleted',
  'responseTimeHours',
  'turnaroundHours',
  'onTimeRate',
  'firstTimeFixRate',
  'repeatRate',
  'csatAvg',
  'nps',
  'surveys',
] as const;
const TILE_DRILL: Partial<Record<(typeof TILES)[number], KpiDrillFigure>> = {
  jobsReceived: 'jobsReceived',
  jobsCompleted: 'jobsCompleted',
};

const TECH_COLS: BreakdownColumn[] = [
  { field: 'name', label: 'reports.ui.col.technician', kind: 'text' },
  { field: 'completed', label: 'reports.ui.col.completed', kind: 'count', drill: 'technicianCompleted' },
  { field: 'openAtEnd', label: 'reports.ui.col.openAtEnd', kind: 'count', drill: 'technicianOpen' },
  { field: 'avgTurnaroundHours', label: 'reports.ui.col.avgTurnaroundHours', kind: 'hours' },
  { field: 'onTimeRate', label: 'report.kpi.onTimeRate', kind: 'rate' },
  { field: 'firstTimeFixRate', label: 'report.kpi.firstTimeFixRate', kind: 'rate' },
];
const CATEGORY_COLS: BreakdownColumn[] = [
  { field: 'name', label: 'reports.ui.col.category', kind: 'text' },
  { field: 'received', label: 'reports.ui.col.received', kind: 'count', drill: 'categoryReceived' },
  { field: 'completed', label: 'reports.ui.col.completed', kind: 'count', drill: 'categoryCompleted' },
  { field: 'avgTurnaroundHours', label: 'reports.ui.col.avgTurnaroundHours', kind: 'hours' },
  { field: 'onTimeRate', label: 'report.kpi.onTimeRate', kind: 'rate' },
  { field: 'firstTimeFixRate', label: 'report.kpi.firstTimeFixRate', kind: 'rate' },
];
const RETURN_RATE_COLS: BreakdownColumn[] = [
  { field: 'name', label: 'reports.ui.col.category', kind: 'text' },
  { field: 'sold', label: 'reports.ui.col.sold', kind: 'count' },
  { field: 'returned', label: 'reports.ui.col.returned', kind: 'count', drill: 'returnsByCategory' },
  { field: 'rate', label: 'reports.ui.col.rate', kind: 'rate' },
];
const REASON_COLS: BreakdownColumn[] = [
  { field: 'name', label: 'reports.ui.col.reason', kind: 'text' },
  { field: 'count', label: 'reports.ui.col.count', kind: 'count', drill: 'returnsByReason' },
  { field: 'amountMinor', label: 'reports.ui.col.refundMinor', kind: 'money' },
];

/** From/to pickers (default: the last 30 days) and the KPIs of that range. */
export function KpiPanel({ zone, today }: { zone: string; today: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const money = useMoney();
  const [from, setFrom] = useState(addDays(today, -29));
  const [to, setTo] = useState(today);
  const [k, setK] = useState<KpiReport | null>(null);
  const [error, setError] = useState<AppErrorValue | null>(null);
  const [drill, setDrill] = useState<{ figure: KpiDrillFigure; label: string; data: DrillOutput } | null>(null);

  useEffect(() => {
    let live = true;
    setK(null);
    setDrill(null);
    setError(null);
    void api.call('reports.kpis', { from, to }).then((r) => {
      if (!live) return;
      if (r.ok) setK(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [api, from, to]);

  const open = useCallback(
    async (figure: KpiDrillFigure, key: string, label: string) => {
      const r = await api.call('reports.kpiDrillDown', key ? { from, to, figure, key } : { from, to, figure });
      if (r.ok) setDrill({ figure, label, data: r.value });
      else setError(r.error);
    },
    [api, from, to],
  );
  const onDrill = useCallback(
    (figure: KpiDrillFigure, key: string, label: string) => void open(figure, key, label),
    [open],
  );

  const rows = useMemo(() => {
    if (!k) return null;
    const category = (code: string) => codeName(t, 'repairsUi.category', code);
    return {
      technicians: k.technicians.map((x) => ({ ...x, key: String(x.staffId) })) as BreakdownRow[],
      byCategory: k.byCategory.map((x) => ({ ...x, name: category(x.key) })) as BreakdownRow[],
      returnRate: k.returnRateByCategory.map((x) => ({ ...x, name: category(x.key) })) as BreakdownRow[],
      reasons: k.returnsByReason.map((x) => ({
        ...x,
        name: codeName(t, 'policy.returnReason', x.key),
      })) as BreakdownRow[],
    };
  }, [k, t]);

  const show = (name: (typeof TILES)[number]): string => {
    const v = k?.[name];
    if (v === null || v === undefined) return '—';
    return RATES.has(name) ? `${Math.round(v * 1000) / 10}%` : String(v);
  };

  return (
    <Stack spacing={2} data-testid="kpi-panel">
      <Stack direction="row" spacing={2}>
        <TextField
          type="date"
          label={t('reports.ui.from')}
          value={from}
          onChange={(e) => e.target.value && setFrom(e.target.value)}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: to, 'data-testid': 'kpi-from' } }}
        />
        <TextField
          type="date"
          label={t('reports.ui.to')}
          value={to}
          onChange={(e) => e.target.value && setTo(e.target.value)}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: from, 'data-testid': 'kpi-to' } }}
        />
      </Stack>
      {error && <ErrorMessage error={error} onClose={() => setError(null)} />}
      {!k || !rows ? (
        !error && <LinearProgress />
      ) : (
        <>
          <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }} data-testid="service-kpis">
            {TILES.map((name) => {
              const figure = TILE_DRILL[name];
              return (
                <KpiTile
                  key={name}
                  name={name}
                  value={show(name)}
                  onOpen={figure ? () => void open(figure, '', '') : undefined}
                />
              );
            })}
          </Stack>
          {drill && (
            <DrillGrid
              figure={drill.figure}
              title={t(drill.label ? 'reports.ui.grid.titleKpi' : 'reports.ui.grid.title', {
                figure: t(`reports.ui.kpiDrill.${drill.figure}`),
                key: drill.label,
                count: drill.data.rows.length,
              })}
              data={drill.data}
              zone={zone}
              onClose={() => setDrill(null)}
            />
          )}
          <Paper variant="outlined" sx={{ p: 2 }} data-testid="chart-trend">
            <KpiTitle name="refundTrend" variant="h6" />
            <LineChart
              height={240}
              skipAnimation
              localeText={{ noData: t('report.none') }}
              xAxis={[{ data: k.refundTrend.map((d) => d.day.slice(5)), scaleType: 'point', height: 40 }]}
              yAxis={[{ valueFormatter: (v: number) => money(v), width: 80 }]}
              series={[
                {
                  data: k.refundTrend.map((d) => d.amountMinor),
                  label: t('reports.ui.series.refunds'),
                  curve: 'linear',
                  valueFormatter: (v) => (v === null ? '' : money(v)),
                },
              ]}
              onAxisClick={(_e, d) => {
                const day = d ? k.refundTrend[d.dataIndex]?.day : undefined;
                if (day) void open('refundDay', day, day);
              }}
            />
          </Paper>
          <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2}>
            <Paper variant="outlined" sx={{ p: 2, flex: 1, minWidth: 0 }} data-testid="kpi-technicians">
              <KpiTitle name="technicians" variant="h6" />
              <BarChart
                skipAnimation
                localeText={{ noData: t('report.none') }}
                height={220}
                yAxis={[{ tickMinStep: 1 }]}
                xAxis={[{ data: k.technicians.map((x) => x.name), scaleType: 'band', height: 40 }]}
                series={[
                  { id: 'technicianCompleted', data: k.technicians.map((x) => x.completed), label: t('reports.ui.col.completed') },
                  { id: 'technicianOpen', data: k.technicians.map((x) => x.openAtEnd), label: t('reports.ui.col.openAtEnd') },
                ]}
                onItemClick={(_e, item) => {
                  const x = k.technicians[item.dataIndex];
                  if (x) void open(item.seriesId as KpiDrillFigure, String(x.staffId), x.name);
                }}
              />
              <BreakdownGrid id="technicians" rows={rows.technicians} columns={TECH_COLS} onDrill={onDrill} />
            </Paper>
            <Paper variant="outlined" sx={{ p: 2, flex: 1, minWidth: 0 }} data-testid="chart-kpi-category">
              <KpiTitle name="byCategory" variant="h6" />
              <BarChart
                skipAnimation
                localeText={{ noData: t('report.none') }}
                height={220}
                yAxis={[{ tickMinStep: 1 }]}
                xAxis={[{ data: rows.byCategory.map((x) => String(x.name)), scaleType: 'band', height: 40 }]}
                series={[
                  { id: 'categoryReceived', data: k.byCategory.map((x) => x.received), label: t('reports.ui.col.received') },
                  { id: 'categoryCompleted', data: k.byCategory.map((x) => x.completed), label: t('reports.ui.col.completed') },
                ]}
                onItemClick={(_e, item) => {
                  const x = rows.byCategory[item.dataIndex];
                  if (x) void open(item.seriesId as KpiDrillFigure, x.key, String(x.name));
                }}
              />
              <BreakdownGrid id="byCategory" rows={rows.byCategory} columns={CATEGORY_COLS} onDrill={onDrill} />
            </Paper>
          </Stack>
          <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2}>
            <Paper variant="outlined" sx={{ p: 2, flex: 1, minWidth: 0 }} data-testid="kpi-return-rate">
              <KpiTitle name="returnRateByCategory" variant="h6" />
              <BarChart
                skipAnimation
                localeText={{ noData: t('report.none') }}
                height={220}
                xAxis={[{ data: rows.returnRate.map((x) => String(x.name)), scaleType: 'band', height: 40 }]}
                yAxis={[{ valueFormatter: (v: number) => `${Math.round(v * 1000) / 10}%`, width: 60 }]}
                series={[
                  {
                    id: 'returnsByCategory',
                    data: k.returnRateByCategory.map((x) => x.rate ?? 0),
                    label: t('reports.ui.col.rate'),
                    valueFormatter: (v) => (v === null ? '' : `${Math.round(v * 1000) / 10}%`),
                  },
                ]}
                onItemClick={(_e, item) => {
                  const x = rows.returnRate[item.dataIndex];
                  if (x) void open('returnsByCategory', x.key, String(x.name));
                }}
              />
              <BreakdownGrid id="returnRate" rows={rows.returnRate} columns={RETURN_RATE_COLS} onDrill={onDrill} />
            </Paper>
            <Paper variant="outlined" sx={{ p: 2, flex: 1, minWidth: 0 }} data-testid="kpi-reasons">
              <KpiTitle name="returnsByReason" variant="h6" />
              <BarChart
                skipAnimation
                localeText={{ noData: t('report.none') }}
                height={220}
                yAxis={[{ tickMinStep: 1 }]}
                xAxis={[{ data: rows.reasons.map((x) => String(x.name)), scaleType: 'band', height: 40 }]}
                series={[
                  { id: 'returnsByReason', data: k.returnsByReason.map((x) => x.count), label: t('reports.ui.col.count') },
                ]}
                onItemClick={(_e, item) => {
                  const x = rows.reasons[item.dataIndex];
                  if (x) void open('returnsByReason', x.key, String(x.name));
                }}
              />
              <BreakdownGrid id="reasons" rows={rows.reasons} columns={REASON_COLS} onDrill={onDrill} />
            </Paper>
          </Stack>
        </>
      )}
    </Stack>
  );
}
