/**
 * The sign-in screen: staff code + PIN with a keypad, the demo accounts when the store is the
 * demo, and badge sign-in by scanning anywhere on the screen.
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorValue } from '../../../../shared/contract/errors';
import { LanguageSwitch } from '../../app/language-switch';
import { useSession } from '../../app/session-context';
import { DemoPinsTable } from './demo-pins-table';
import { SignInForm } from './sign-in-form';
import { useBadgeScan } from './use-badge-scan';

/** Full-screen sign-in. */
export function SignInPage() {
  const { t } = useTranslation();
  const { appInfo, signInBadge, lostByDrop } = useSession();
  const [error, setErrorState] = useState<AppErrorValue | null>(null);
  const [clearSignal, setClearSignal] = useState(0);
  const [picked, setPicked] = useState<{ code: string } | null>(null);
  const [readingBadge, setReadingBadge] = useState(false);
  const setError = useCallback((e: AppErrorValue | null) => setErrorState(e), []);

  useBadgeScan((badge) => {
    setClearSignal((n) => n + 1);
    setError(null);
    setReadingBadge(true);
    void signInBadge(badge).then((r) => {
      setReadingBadge(false);
      if (!r.ok) setError(r.error);
    });
  });

  const demoPins = appInfo?.store.demo ? appInfo.demoPins : [];
  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column', bgcolor: 'background.default' }}>
      <Stack
        direction="row"
        sx={{ px: 4, py: 2, bgcolor: 'primary.main', color: '#fff', alignItems: 'center' }}
      >
        <Box sx={{ flex: 1 }}>
          <Typography variant="h4" component="h1">
            {appInfo?.store.name ?? 'CounterDesk'}
          </Typography>
          <Typography variant="body2" sx={{ opacity: 0.9 }}>
            {t('app.title')}
          </Typography>
        </Box>
        <LanguageSwitch onDark />
      </Stack>
      <Stack
        direction={{ xs: 'column', md: 'row' }}
        spacing={4}
        sx={{ flex: 1, p: 4, justifyContent: 'center', alignItems: { xs: 'stretch', md: 'flex-start' } }}
      >
        <Paper elevation={2} sx={{ p: 4, width: { xs: 'auto', md: 440 } }} component="main">
          <Typography variant="h3" component="h2" gutterBottom>
            {t('app.signin.title')}
          </Typography>
          {lostByDrop && (
            <Alert severity="info" sx={{ mb: 2 }}>
              {t('app.link.signInAgain')}
            </Alert>
          )}
          <SignInForm picked={picked} clearSignal={clearSignal} error={error} setError={setError} />
          <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }} role="status">
            {readingBadge ? t('app.signin.badgeReading') : t('app.signin.badgeHint')}
          </Typography>
        </Paper>
        {demoPins.length > 0 && (
          <Box sx={{ width: { xs: 'auto', md: 500 } }}>
            <DemoPinsTable pins={demoPins} onPick={(code) => setPicked({ code })} />
          </Box>
        )}
      </Stack>
      {appInfo && (
        <Typography variant="body2" color="text.secondary" sx={{ textAlign: 'center', pb: 2 }}>
          {t('app.signin.version', { version: appInfo.version })}
        </Typography>
      )}
    </Box>
  );
}
