/**
 * Demo mode: type a code and press "模拟扫描 / Simulate scan"; it goes to the simulated HID-POS
 * scanner in core (devices.simulateScan), through the real report parser, and comes back as a
 * `scanner.scan` event that the scan router routes like any other scan.
 */
import QrCodeScanner from '@mui/icons-material/QrCodeScanner';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorValue } from '../../../../shared/contract/errors';
import { useApi } from '../../app/api-context';
import { ErrorMessage } from '../../app/error-message';

/** The code box and its button. */
export function SimulateScanBox() {
  const { t } = useTranslation();
  const api = useApi();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorValue | null>(null);
  const [sent, setSent] = useState<string | null>(null);

  const scan = async () => {
    const value = code.trim();
    if (!value || busy) return;
    setBusy(true);
    setError(null);
    const r = await api.call('devices.simulateScan', { code: value });
    setBusy(false);
    if (r.ok) setSent(value);
    else setError(r.error);
  };

  return (
    <Stack
      component="form"
      spacing={1.5}
      onSubmit={(e) => {
        e.preventDefault();
        void scan();
      }}
    >
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        {t('devices.ui.simulate.help')}
      </Typography>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'flex-start' }}>
        <TextField
          name="simulateCode"
          label={t('devices.ui.simulate.code')}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete="off"
          slotProps={{ htmlInput: { spellCheck: false, maxLength: 4000 } }}
          sx={{ flex: 1 }}
        />
        <Button
          type="submit"
          variant="contained"
          startIcon={<QrCodeScanner />}
          disabled={busy || !code.trim()}
          sx={{ minHeight: 56 }}
        >
          {t('devices.ui.simulate.button')}
        </Button>
      </Stack>
      {sent && !error && (
        <Typography variant="body2" role="status" sx={{ color: 'success.main' }}>
          {t('devices.ui.simulate.sent', { code: sent })}
        </Typography>
      )}
      {error && <ErrorMessage error={error} />}
    </Stack>
  );
}
