/** The records behind a figure in an MUI X data grid: translated headers, money and store-local times, named codes. */
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DrillOutput } from '../../../../shared/contract/methods/reports';
import { useMoney } from '../../app/use-money';
import { codeName, formatCell } from './drill-format';

type GridRow = DrillOutput['rows'][number] & { __row: number };

export interface DrillGridProps {
  /** Translated title (figure and count). */
  title: string;
  /** Figure id, for tests and screen readers' landmarks. */
  figure: string;
  data: DrillOutput;
  /** Store time zone for instants. */
  zone: string;
  onClose(): void;
}

/** Grid of `data` with one column per backend column. */
export function DrillGrid({ title, figure, data, zone, onClose }: DrillGridProps) {
  const { t } = useTranslation();
  const money = useMoney();
  const columns = useMemo<GridColDef<GridRow>[]>(
    () =>
      data.columns.map((c) => ({
        field: c.key,
        headerName: codeName(t, 'reports.ui.col', c.key),
        flex: 1,
        minWidth: c.kind === 'instant' ? 150 : 110,
        align: c.kind === 'money' || c.kind === 'number' ? 'right' : 'left',
        headerAlign: c.kind === 'money' || c.kind === 'number' ? 'right' : 'left',
        valueGetter: (_v, row) => formatCell(c.kind, row[c.key], { t, money, zone }),
      })),
    [data.columns, t, money, zone],
  );
  const rows = useMemo<GridRow[]>(() => data.rows.map((r, i) => ({ ...r, __row: i })), [data.rows]);
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="drill-down" data-figure={figure}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
        <Typography variant="h6" component="h2">
          {title}
        </Typography>
        <Button onClick={onClose} sx={{ minHeight: 48 }}>
          {t('reports.ui.grid.close')}
        </Button>
      </Stack>
      {rows.length === 0 ? (
        <Typography color="text.secondary">{t('reports.ui.grid.empty')}</Typography>
      ) : (
        <DataGrid
          rows={rows}
          getRowId={(r) => r.__row}
          columns={columns}
          autoHeight
          density="compact"
          hideFooter={rows.length <= 25}
          disableRowSelectionOnClick
        />
      )}
    </Paper>
  );
}
