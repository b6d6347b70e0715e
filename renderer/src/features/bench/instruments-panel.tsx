/** Manager: bench instruments with their calibration due dates (past due in red); a new date is saved per instrument. */
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorValue } from '../../../../shared/contract/errors';
import type { InstrumentView } from '../../../../shared/contract/methods/bench';
import { useApi } from '../../app/api-context';
import { ErrorMessage } from '../../app/error-message';

/** The list with one date field and Save per instrument. */
export function InstrumentsPanel() {
  const { t } = useTranslation();
  const api = useApi();
  const [list, setList] = useState<InstrumentView[]>([]);
  const [dates, setDates] = useState<Record<number, string>>({});
  const [error, setError] = useState<AppErrorValue | null>(null);
  useEffect(() => {
    void api.call('bench.instruments', {}).then((r) => (r.ok ? setList(r.value) : setError(r.error)));
  }, [api]);
  const save = async (i: InstrumentView) => {
    const due = dates[i.id] ?? i.calibrationDue;
    const r = await api.call('bench.saveInstrument', {
      id: i.id,
      model: i.model,
      serial: i.serial,
      calibrationDue: due || null,
      deviceId: i.deviceId,
    });
    if (!r.ok) return setError(r.error);
    setList((all) => all.map((x) => (x.id === i.id ? r.value : x)));
  };
  return (
    <Paper sx={{ p: 2 }} data-testid="instruments-panel">
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700, mb: 1 }}>
        {t('benchUi.instruments.title')}
      </Typography>
      <Stack spacing={1}>
        {list.map((i) => (
          <Stack
            key={i.id}
            direction="row"
            spacing={2}
            sx={{ alignItems: 'center' }}
            data-instrument={i.serial}
          >
            <Typography sx={{ minWidth: 220 }}>{`${i.model} · ${i.serial}`}</Typography>
            <TextField
              type="date"
              size="small"
              label={t('benchUi.instruments.due')}
              value={dates[i.id] ?? i.calibrationDue ?? ''}
              onChange={(e) => setDates({ ...dates, [i.id]: e.target.value })}
              slotProps={{ inputLabel: { shrink: true } }}
            />
            {i.calibrationOverdue && (
              <Chip color="error" label={t('benchUi.instrumentOverdue')} data-overdue />
            )}
            <Button onClick={() => void save(i)} sx={{ minHeight: 44 }}>
              {t('benchUi.plans.save')}
            </Button>
          </Stack>
        ))}
        {error && <ErrorMessage error={error} onClose={() => setError(null)} />}
      </Stack>
    </Paper>
  );
}
