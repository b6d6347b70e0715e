/** "My shift": the caller's own repair jobs received or completed today, with drill-down. */
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DrillGrid } from './drill-grid';
import { FigureButton } from './figure-button';
import { dailySummary, type FigureKey } from './report-figures';
import type { ReportData } from './use-report-data';

const SHIFT_FIGURES: readonly FigureKey[] = ['received', 'completed'];

/** Today's received/completed counts of the caller's jobs (data loaded with `mine`). */
export function MyShiftPanel({ data, zone, today }: { data: ReportData; zone: string; today: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<FigureKey | null>(null);
  const s = useMemo(() => dailySummary(data.jobs, [], today, zone), [data, today, zone]);
  const label = (k: FigureKey) => t(`reports.ui.figures.${k}`);
  return (
    <Stack spacing={2} data-testid="my-shift">
      <Typography variant="h6" component="h2">
        {t('reports.ui.myShift.title')}
      </Typography>
      <Typography color="text.secondary">{t('reports.ui.myShift.explain')}</Typography>
      <Stack direction="row" spacing={2}>
        {SHIFT_FIGURES.map((k) => (
          <FigureButton
            key={k}
            id={k}
            label={label(k)}
            value={s.figures[k].count}
            selected={open === k}
            onOpen={() => setOpen(k)}
          />
        ))}
      </Stack>
      {open && (
        <DrillGrid
          title={t('reports.ui.grid.title', { figure: label(open), count: s.figures[open].count })}
          jobs={data.jobs.filter((j) => s.figures[open].jobIds.includes(j.id))}
          onClose={() => setOpen(null)}
        />
      )}
    </Stack>
  );
}
