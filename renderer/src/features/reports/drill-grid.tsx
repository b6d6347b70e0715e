/** The records behind a figure: the repair jobs in an MUI X data grid. */
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobRow } from './report-figures';

export interface DrillGridProps {
  title: string;
  jobs: JobRow[];
  onClose(): void;
}

/** Grid of jobs with number, status, category, product, technician, promised day and overdue. */
export function DrillGrid({ title, jobs, onClose }: DrillGridProps) {
  const { t } = useTranslation();
  const columns = useMemo<GridColDef<JobRow>[]>(
    () => [
      { field: 'id', headerName: t('reports.ui.grid.job'), width: 150 },
      {
        field: 'status',
        headerName: t('reports.ui.grid.status'),
        width: 160,
        valueGetter: (_v, row) => t(`repairs.status.${row.status}`),
      },
      { field: 'categoryCode', headerName: t('reports.ui.grid.category'), width: 130 },
      {
        field: 'product',
        headerName: t('reports.ui.grid.product'),
        flex: 1,
        minWidth: 160,
        valueGetter: (_v, row) => `${row.brand} ${row.model}`,
      },
      {
        field: 'technician',
        headerName: t('reports.ui.grid.technician'),
        width: 120,
        valueGetter: (_v, row) => row.assignedTo?.name ?? '—',
      },
      { field: 'promisedDay', headerName: t('reports.ui.grid.promised'), width: 120 },
      {
        field: 'overdue',
        headerName: t('reports.ui.grid.overdue'),
        width: 90,
        valueGetter: (_v, row) => (row.overdue ? t('reports.ui.grid.yes') : t('reports.ui.grid.no')),
      },
    ],
    [t],
  );
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="drill-down">
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
        <Typography variant="h6" component="h2">
          {title}
        </Typography>
        <Button onClick={onClose} sx={{ minHeight: 48 }}>
          {t('reports.ui.grid.close')}
        </Button>
      </Stack>
      <DataGrid
        rows={jobs}
        columns={columns}
        autoHeight
        density="compact"
        hideFooter={jobs.length <= 25}
        disableRowSelectionOnClick
      />
    </Paper>
  );
}
