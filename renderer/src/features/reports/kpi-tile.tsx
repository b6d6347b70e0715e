/** One KPI: its name, value and written definition behind an info button (hover or focus); optionally opens its records. */
import InfoOutlined from '@mui/icons-material/InfoOutlined';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';

/** The name of KPI `name` (report.kpi.*) with its definition (report.kpiHelp.*) behind an ⓘ button. */
export function KpiTitle({ name, variant = 'body2' }: { name: string; variant?: 'body2' | 'h6' }) {
  const { t } = useTranslation();
  const title = t(`report.kpi.${name}`);
  return (
    <Stack direction="row" sx={{ alignItems: 'center' }}>
      <Typography
        variant={variant}
        component={variant === 'h6' ? 'h2' : 'span'}
        color={variant === 'h6' ? 'text.primary' : 'text.secondary'}
      >
        {title}
      </Typography>
      <Tooltip title={t(`report.kpiHelp.${name}`)}>
        <IconButton aria-label={t('reports.ui.kpi.info', { name: title })} size="small">
          <InfoOutlined fontSize="small" />
        </IconButton>
      </Tooltip>
    </Stack>
  );
}

/** Tile for KPI `name` showing `value`; with `onOpen` the value is a button that lists the records behind it. */
export function KpiTile({ name, value, onOpen }: { name: string; value: string; onOpen?(): void }) {
  return (
    <Paper variant="outlined" sx={{ p: 2, minWidth: 180 }} data-kpi={name}>
      <KpiTitle name={name} />
      {onOpen ? (
        <Button onClick={onOpen} sx={{ fontSize: '2rem', p: 0, minHeight: 48, minWidth: 64 }} data-kpi-value>
          {value}
        </Button>
      ) : (
        <Typography variant="h4" component="span" data-kpi-value>
          {value}
        </Typography>
      )}
    </Paper>
  );
}
