/** Providers (api, session, locale, theme, hotkeys) and the top-level choice: loading, sign-in or shell. */
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Api } from '../api/api';
import { Shell } from '../features/shell/shell';
import { SignInPage } from '../features/signin/sign-in-page';
import { ApiProvider } from './api-context';
import { HotkeysProvider } from './hotkeys-react';
import { LinkBanner } from './link-banner';
import { LocaleProvider } from './locale-provider';
import { SessionProvider, useSession } from './session-context';
import { createCounterTheme } from './theme';

/** The whole renderer for one api facade. */
export function AppRoot({ api }: { api: Api }) {
  const [theme] = useState(createCounterTheme);
  return (
    <ApiProvider api={api}>
      <SessionProvider>
        <LocaleProvider>
          <ThemeProvider theme={theme}>
            <CssBaseline />
            <HotkeysProvider>
              <Screens />
            </HotkeysProvider>
          </ThemeProvider>
        </LocaleProvider>
      </SessionProvider>
    </ApiProvider>
  );
}

function Screens() {
  const { appInfo, session, link } = useSession();
  return (
    <>
      <Box sx={{ position: 'fixed', top: 0, left: 0, right: 0, zIndex: 2000 }}>
        <LinkBanner link={link} />
      </Box>
      {!appInfo ? <Loading /> : session ? <Shell session={session} /> : <SignInPage />}
    </>
  );
}

function Loading() {
  const { t } = useTranslation();
  return (
    <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>
      <Box sx={{ textAlign: 'center' }}>
        <CircularProgress size={56} />
        <Typography sx={{ mt: 2, fontSize: '1.25rem' }}>{t('app.loading')}</Typography>
      </Box>
    </Box>
  );
}
