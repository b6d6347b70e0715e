/** A KPI breakdown (by technician, category, reason) as a data grid; count cells are buttons that list their records. */
import Button from '@mui/material/Button';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { KpiDrillFigure } from '../../../../shared/contract/methods/reports';
import { useMoney } from '../../app/use-money';

export interface BreakdownColumn {
  field: string;
  /** i18n key of the header. */
  label: string;
  kind: 'text' | 'count' | 'hours' | 'rate' | 'money';
  /** The KPI drill-down a click on the cell opens (with the row's key). */
  drill?: KpiDrillFigure;
}

export type BreakdownRow = { key: string } & Record<string, string | number | null>;

/** Grid of `rows`; `onDrill(figure, key, label)` when a count is clicked. */
export function BreakdownGrid({
  id,
  rows,
  columns,
  onDrill,
}: {
  id: string;
  rows: BreakdownRow[];
  columns: BreakdownColumn[];
  onDrill(figure: KpiDrillFigure, key: string, label: string): void;
}) {
  const { t } = useTranslation();
  const money = useMoney();
  const cols = useMemo<GridColDef<BreakdownRow>[]>(
    () =>
      columns.map((c) => ({
        field: c.field,
        headerName: t(c.label),
        flex: c.kind === 'text' ? 1.5 : 1,
        minWidth: 110,
        align: c.kind === 'text' ? 'left' : 'right',
        headerAlign: c.kind === 'text' ? 'left' : 'right',
        valueFormatter: (v: string | number | null) => {
          if (v === null || v === undefined) return '—';
          if (c.kind === 'rate' && typeof v === 'number') return `${Math.round(v * 1000) / 10}%`;
          if (c.kind === 'money' && typeof v === 'number') return money(v);
          return String(v);
        },
        renderCell: c.drill
          ? (p) => (
              <Button
                size="small"
                sx={{ minHeight: 36 }}
                data-drill={`${c.drill}:${p.row.key}`}
                aria-label={`${t(c.label)} · ${String(p.row.name ?? p.row.key)}`}
                onClick={() => onDrill(c.drill as KpiDrillFigure, p.row.key, String(p.row.name ?? p.row.key))}
              >
                {String(p.value ?? 0)}
              </Button>
            )
          : undefined,
      })),
    [columns, t, money, onDrill],
  );
  return (
    <DataGrid
      data-testid={`grid-${id}`}
      rows={rows}
      getRowId={(r) => r.key}
      columns={cols}
      autoHeight
      density="compact"
      hideFooter={rows.length <= 25}
      disableRowSelectionOnClick
    />
  );
}
