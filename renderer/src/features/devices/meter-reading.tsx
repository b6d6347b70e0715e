/** A meter reading as the meter showed it ("19.470 V"), with the function and any overload/flags in words. */
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { Reading } from '../../../../shared/domain/meter/reading';
import { formatQuantity } from '../../../../shared/domain/meter/units';

const FLAG_KEYS = ['hold', 'auto', 'rel', 'min', 'max', 'lowBattery'] as const;
const NR3 = /^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/** A range as the meter names it ("22 V", "AUTO"); a bare number (SCPI "+1.000000E+01") as a quantity ("10 V"). */
export function rangeText(range: string, unit: Reading['unit']): string {
  return NR3.test(range.trim()) ? formatQuantity(Number(range), unit) : range;
}

/** Big display text plus a line of function and flags; `live` marks a streamed reading. */
export function MeterReading({ reading, testId }: { reading: Reading; testId: string }) {
  const { t } = useTranslation();
  const flags = FLAG_KEYS.filter((k) => reading.flags[k]).map((k) => t(`meter.flag.${k}`));
  return (
    <Box data-testid={testId}>
      <Typography
        component="div"
        sx={{
          fontFamily: "'DejaVu Sans Mono', monospace",
          fontSize: '2rem',
          fontWeight: 700,
          lineHeight: 1.2,
          color: reading.overload ? 'error.main' : 'text.primary',
        }}
      >
        {reading.overload ? t('meter.overload') : reading.display}
      </Typography>
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        {[
          t(`meter.function.${reading.function}`),
          reading.range ? t('meter.range', { range: rangeText(reading.range, reading.unit) }) : '',
          ...flags,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Typography>
    </Box>
  );
}
