/** The scheduled-backup form: daily at a store-local time, every N hours, or off; copies to keep. */
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupStatus } from './use-backups';

type Schedule = BackupStatus['schedule'];
interface Draft {
  mode: Schedule['mode'];
  at: string;
  hours: string;
  keep: string;
}

const toDraft = (s: Schedule): Draft => ({
  mode: s.mode,
  at: s.mode === 'daily' ? s.at : '22:30',
  hours: s.mode === 'interval' ? String(s.hours) : '6',
  keep: s.mode === 'off' ? '30' : String(s.keep),
});

/** Turns the draft into what backup.setSchedule takes (the core validates it again). */
export function scheduleOf(d: Draft): unknown {
  if (d.mode === 'off') return { mode: 'off' };
  const keep = Number(d.keep);
  return d.mode === 'daily'
    ? { mode: 'daily', at: d.at, keep }
    : { mode: 'interval', hours: Number(d.hours), keep };
}

/** Edits the schedule and saves it with `onSave`. */
export function BackupScheduleForm({
  schedule,
  busy,
  onSave,
}: {
  schedule: Schedule;
  busy: boolean;
  onSave: (s: unknown) => void;
}) {
  const { t } = useTranslation();
  const [d, setD] = useState<Draft>(() => toDraft(schedule));
  useEffect(() => setD(toDraft(schedule)), [schedule]);
  return (
    <Stack
      component="form"
      noValidate
      direction="row"
      spacing={2}
      useFlexGap
      sx={{ flexWrap: 'wrap', alignItems: 'center' }}
      onSubmit={(e) => {
        e.preventDefault();
        onSave(scheduleOf(d));
      }}
    >
      <TextField
        select
        label={t('settingsUi.backup.schedule')}
        value={d.mode}
        onChange={(e) => setD({ ...d, mode: e.target.value as Draft['mode'] })}
        sx={{ minWidth: 180 }}
      >
        <MenuItem value="daily">{t('settingsUi.backup.modeDaily')}</MenuItem>
        <MenuItem value="interval">{t('settingsUi.backup.modeInterval')}</MenuItem>
        <MenuItem value="off">{t('settingsUi.backup.modeOff')}</MenuItem>
      </TextField>
      {d.mode === 'daily' && (
        <TextField
          type="time"
          label={t('settingsUi.backup.at')}
          value={d.at}
          onChange={(e) => setD({ ...d, at: e.target.value })}
          slotProps={{ inputLabel: { shrink: true } }}
        />
      )}
      {d.mode === 'interval' && (
        <TextField
          type="number"
          label={t('settingsUi.backup.hours')}
          value={d.hours}
          onChange={(e) => setD({ ...d, hours: e.target.value })}
          slotProps={{ htmlInput: { min: 1, max: 168 } }}
        />
      )}
      {d.mode !== 'off' && (
        <TextField
          type="number"
          label={t('settingsUi.backup.keep')}
          value={d.keep}
          onChange={(e) => setD({ ...d, keep: e.target.value })}
          slotProps={{ htmlInput: { min: 1, max: 365 } }}
        />
      )}
      <Button type="submit" variant="outlined" size="large" disabled={busy} sx={{ minHeight: 48 }}>
        {t('settingsUi.backup.saveSchedule')}
      </Button>
    </Stack>
  );
}
