/** A quantity with − / + buttons of touch size; never below 1 or above `max`. */
import Add from '@mui/icons-material/Add';
import Remove from '@mui/icons-material/Remove';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';

export interface QtyStepperProps {
  value: number;
  max: number;
  onChange: (qty: number) => void;
  disabled?: boolean;
  /** Names the item for screen readers. */
  label: string;
}

/** − value + */
export function QtyStepper({ value, max, onChange, disabled, label }: QtyStepperProps) {
  const { t } = useTranslation();
  return (
    <Stack direction="row" sx={{ alignItems: 'center' }} role="group" aria-label={label}>
      <IconButton
        aria-label={t('returnsUi.choose.less')}
        disabled={disabled || value <= 1}
        onClick={() => onChange(Math.max(1, value - 1))}
      >
        <Remove />
      </IconButton>
      <Typography
        data-testid="qty"
        sx={{
          minWidth: 36,
          textAlign: 'center',
          fontSize: '1.25rem',
          fontWeight: 700,
          fontVariantNumeric: 'tabular-nums',
        }}
      >
        {value}
      </Typography>
      <IconButton
        aria-label={t('returnsUi.choose.more')}
        disabled={disabled || value >= max}
        onClick={() => onChange(Math.min(max, value + 1))}
      >
        <Add />
      </IconButton>
    </Stack>
  );
}
