/** One KPI with its value and its written definition behind an info button (hover or focus). */
import InfoOutlined from '@mui/icons-material/InfoOutlined';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';

/** Tile for the KPI `name` (key under reports.ui.kpi) showing `value`. */
export function KpiTile({ name, value }: { name: string; value: string }) {
  const { t } = useTranslation();
  const title = t(`reports.ui.kpi.${name}`);
  return (
    <Paper variant="outlined" sx={{ p: 2, minWidth: 180 }} data-kpi={name}>
      <Stack direction="row" sx={{ alignItems: 'center' }}>
        <Typography variant="body2" color="text.secondary">
          {title}
        </Typography>
        <Tooltip title={t(`reports.ui.kpi.definitions.${name}`)}>
          <IconButton aria-label={t('reports.ui.kpi.info', { name: title })} size="small">
            <InfoOutlined fontSize="small" />
          </IconButton>
        </Tooltip>
      </Stack>
      <Typography variant="h4" component="span" data-kpi-value>
        {value}
      </Typography>
    </Paper>
  );
}
