/** The after-sales KPIs of the reports service for a range, each with its written definition on hover/focus. */
import InfoOutlined from '@mui/icons-material/InfoOutlined';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorValue } from '../../../../shared/contract/errors';
import type { KpiReport } from '../../../../shared/contract/methods/reports';
import { useApi } from '../../app/api-context';
import { ErrorMessage } from '../../app/error-message';

const NAMES = ['responseTimeHours', 'turnaroundHours', 'onTimeRate', 'firstTimeFixRate', 'repeatRate', 'csatAvg', 'nps'] as const;
const RATES = new Set<string>(['onTimeRate', 'firstTimeFixRate', 'repeatRate']);

/** Tiles for [from, to]. */
export function ServiceKpis({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const [k, setK] = useState<KpiReport | null>(null);
  const [error, setError] = useState<AppErrorValue | null>(null);
  useEffect(() => {
    let live = true;
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
  if (error) return <ErrorMessage error={error} />;
  if (!k) return null;
  const show = (name: (typeof NAMES)[number]): string => {
    const v = k[name];
    if (v === null) return '—';
    return RATES.has(name) ? `${Math.round(v * 100)}%` : String(v);
  };
  return (
    <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }} data-testid="service-kpis">
      {NAMES.map((name) => (
        <Paper key={name} variant="outlined" sx={{ p: 2, minWidth: 180 }} data-service-kpi={name}>
          <Stack direction="row" sx={{ alignItems: 'center' }}>
            <Typography variant="body2" color="text.secondary">
              {t(`report.kpi.${name}`)}
            </Typography>
            <Tooltip title={t(`report.kpiHelp.${name}`)}>
              <IconButton aria-label={t('reports.ui.kpi.info', { name: t(`report.kpi.${name}`) })} size="small">
                <InfoOutlined fontSize="small" />
              </IconButton>
            </Tooltip>
          </Stack>
          <Typography variant="h4" component="span" data-kpi-value>
            {show(name)}
          </Typography>
        </Paper>
      ))}
    </Stack>
  );
}
