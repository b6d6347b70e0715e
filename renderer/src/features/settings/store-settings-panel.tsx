/** Store settings (name, time zone, language, receipt width, badge sign-in, PIN lockout, terminal limit, idle lock); editable with settings.manage. */
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorValue } from '../../../../shared/contract/errors';
import type { StoreSettings } from '../../../../shared/contract/methods/settings';
import { LOCALES } from '../../../../shared/i18n/types';
import { useApi } from '../../app/api-context';
import { ErrorMessage } from '../../app/error-message';

/** The store settings form. */
export function StoreSettingsPanel({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const [form, setForm] = useState<StoreSettings | null>(null);
  const [error, setError] = useState<AppErrorValue | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void api.call('settings.get', {}).then((r) => (r.ok ? setForm(r.value) : setError(r.error)));
  }, [api]);

  if (!form) return error ? <ErrorMessage error={error} /> : null;
  const set = <K extends keyof StoreSettings>(k: K, v: StoreSettings[K]) => {
    setSaved(false);
    setForm({ ...form, [k]: v });
  };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const r = await api.call('settings.update', form);
    setBusy(false);
    if (r.ok) {
      setForm(r.value);
      setSaved(true);
    } else setError(r.error);
  };
  const num = (v: string): number => (v.trim() === '' ? NaN : Number(v));

  return (
    <Paper component="form" onSubmit={save} sx={{ p: 3 }} aria-labelledby="store-settings-title">
      <Typography id="store-settings-title" variant="h6" component="h2" gutterBottom>
        {t('settingsUi.store.title')}
      </Typography>
      {!canEdit && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('settingsUi.store.readOnly')}
        </Alert>
      )}
      <Stack spacing={2} sx={{ maxWidth: 560 }}>
        <TextField
          label={t('settingsUi.store.storeName')}
          value={form.storeName}
          disabled={!canEdit}
          onChange={(e) => set('storeName', e.target.value)}
          slotProps={{ htmlInput: { maxLength: 80 } }}
        />
        <TextField
          label={t('settingsUi.store.timeZone')}
          helperText={t('settingsUi.store.timeZoneHelp')}
          value={form.timeZone}
          disabled={!canEdit}
          onChange={(e) => set('timeZone', e.target.value)}
        />
        <TextField
          select
          label={t('settingsUi.store.locale')}
          value={form.locale}
          disabled={!canEdit}
          onChange={(e) => set('locale', e.target.value as StoreSettings['locale'])}
        >
          {LOCALES.map((l) => (
            <MenuItem key={l} value={l}>
              {t(`app.language.${l}`)}
            </MenuItem>
          ))}
        </TextField>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Typography>{t('settingsUi.store.receiptWidth')}</Typography>
          <ToggleButtonGroup
            exclusive
            value={form.receiptWidth}
            disabled={!canEdit}
            onChange={(_e, v: 58 | 80 | null) => v && set('receiptWidth', v)}
          >
            {([58, 80] as const).map((n) => (
              <ToggleButton key={n} value={n} sx={{ minWidth: 96, minHeight: 48 }}>
                {t('settingsUi.store.mm', { n })}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
        </Stack>
        <FormControlLabel
          control={
            <Switch
              checked={form.badgeSignIn}
              disabled={!canEdit}
              onChange={(e) => set('badgeSignIn', e.target.checked)}
            />
          }
          label={t('settingsUi.store.badgeSignIn')}
        />
        <FormControlLabel
          control={
            <Switch
              checked={form.approvalFourEyes}
              disabled={!canEdit}
              onChange={(e) => set('approvalFourEyes', e.target.checked)}
            />
          }
          label={t('settingsUi.store.approvalFourEyes')}
        />
        <Typography id="four-eyes-help" variant="body2" color="text.secondary" sx={{ mt: -1.5 }}>
          {t('settingsUi.store.approvalFourEyesHelp')}
        </Typography>
        <Stack direction="row" spacing={2}>
          <TextField
            type="number"
            label={t('settingsUi.store.lockoutAttempts')}
            value={Number.isNaN(form.lockoutAttempts) ? '' : form.lockoutAttempts}
            disabled={!canEdit}
            onChange={(e) => set('lockoutAttempts', num(e.target.value))}
            slotProps={{ htmlInput: { min: 3, max: 20 } }}
          />
          <TextField
            type="number"
            label={t('settingsUi.store.lockoutMinutes')}
            value={Number.isNaN(form.lockoutMinutes) ? '' : form.lockoutMinutes}
            disabled={!canEdit}
            onChange={(e) => set('lockoutMinutes', num(e.target.value))}
            slotProps={{ htmlInput: { min: 1, max: 240 } }}
          />
        </Stack>
        <Stack direction="row" spacing={2}>
          <TextField
            type="number"
            name="terminalFailureLimit"
            label={t('settingsUi.store.terminalFailureLimit')}
            helperText={t('settingsUi.store.terminalFailureLimitHelp')}
            value={Number.isNaN(form.terminalFailureLimit) ? '' : form.terminalFailureLimit}
            disabled={!canEdit}
            onChange={(e) => set('terminalFailureLimit', num(e.target.value))}
            slotProps={{ htmlInput: { min: 3, max: 100 } }}
          />
          <TextField
            type="number"
            name="idleLockMinutes"
            label={t('settingsUi.store.idleLockMinutes')}
            helperText={t('settingsUi.store.idleLockMinutesHelp')}
            value={Number.isNaN(form.idleLockMinutes) ? '' : form.idleLockMinutes}
            disabled={!canEdit}
            onChange={(e) => set('idleLockMinutes', num(e.target.value))}
            slotProps={{ htmlInput: { min: 0, max: 240 } }}
          />
        </Stack>
        {error && <ErrorMessage error={error} onClose={() => setError(null)} />}
        {saved && <Alert severity="success">{t('settingsUi.store.saved')}</Alert>}
        {canEdit && (
          <Button
            type="submit"
            variant="contained"
            size="large"
            disabled={busy}
            sx={{ alignSelf: 'flex-start', minHeight: 48 }}
          >
            {t('settingsUi.store.save')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
