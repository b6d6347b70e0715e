/** QC by an inspector (not the repairer: the core refuses that in words): the checklist, then pass → ready or fail → repairing. */
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QC_ITEMS, QC_ITEMS_NA_ALLOWED, type QcItem } from '../../../../shared/domain/repairs/categories';

type QcState = 'ok' | 'fail' | 'na';

/** The panel; `onSubmit` gets the `repairs.qc` fields. */
export function QcPanel({
  busy,
  onSubmit,
}: {
  busy: boolean;
  onSubmit: (fields: Record<string, unknown>) => void;
}) {
  const { t } = useTranslation();
  const [states, setStates] = useState<Record<QcItem, QcState>>(
    () => Object.fromEntries(QC_ITEMS.map((i) => [i, 'ok'])) as Record<QcItem, QcState>,
  );
  const [note, setNote] = useState('');
  const checklist = QC_ITEMS.map((item) => ({ item, state: states[item], note: '' }));
  return (
    <Paper sx={{ p: 2 }} data-testid="qc-panel">
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700, mb: 1 }}>
        {t('repairsUi.qc.title')}
      </Typography>
      <Stack spacing={1}>
        {QC_ITEMS.map((item) => (
          <Stack key={item} direction="row" spacing={2} sx={{ alignItems: 'center' }} data-qc-item={item}>
            <Typography sx={{ minWidth: 260 }}>{t(`repairs.qcItem.${item}`)}</Typography>
            <ToggleButtonGroup
              exclusive
              size="small"
              value={states[item]}
              onChange={(_e, v: QcState | null) => v && setStates({ ...states, [item]: v })}
            >
              {(['ok', 'fail', 'na'] as const)
                .filter((s) => s !== 'na' || QC_ITEMS_NA_ALLOWED.includes(item))
                .map((s) => (
                  <ToggleButton key={s} value={s} sx={{ minWidth: 88, minHeight: 44 }}>
                    {t(`repairs.qcState.${s}`)}
                  </ToggleButton>
                ))}
            </ToggleButtonGroup>
          </Stack>
        ))}
        <TextField label={t('repairsUi.qc.note')} value={note} onChange={(e) => setNote(e.target.value)} />
        <Stack direction="row" spacing={2}>
          <Button
            variant="contained"
            color="success"
            size="large"
            disabled={busy}
            sx={{ minHeight: 48 }}
            onClick={() => onSubmit({ checklist, passed: true, note })}
          >
            {t('repairsUi.qc.pass')}
          </Button>
          <Button
            variant="outlined"
            color="error"
            size="large"
            disabled={busy}
            sx={{ minHeight: 48 }}
            onClick={() => onSubmit({ checklist, passed: false, note })}
          >
            {t('repairsUi.qc.fail')}
          </Button>
        </Stack>
      </Stack>
    </Paper>
  );
}
