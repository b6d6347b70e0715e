/** The top bar: store, signed-in staff and role, help, language, switch clerk (F12), sign out. */
import Logout from '@mui/icons-material/Logout';
import StorefrontOutlined from '@mui/icons-material/StorefrontOutlined';
import SwapHoriz from '@mui/icons-material/SwapHoriz';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { KeyChip } from '../../app/key-chip';
import { LanguageSwitch } from '../../app/language-switch';
import type { SessionInfo } from '../../app/session-types';

export interface TopBarProps {
  storeName: string;
  session: SessionInfo;
  onHelp: () => void;
  onSwitchClerk: () => void;
  onSignOut: () => void;
}

const onBlue = { color: '#fff', borderColor: 'rgba(255,255,255,0.6)' } as const;

/** A single-row bar; every action also has its key shown. */
export function TopBar({ storeName, session, onHelp, onSwitchClerk, onSignOut }: TopBarProps) {
  const { t } = useTranslation();
  return (
    <AppBar position="static" elevation={0} color="primary">
      <Toolbar sx={{ gap: 2, minHeight: 72 }}>
        <StorefrontOutlined fontSize="large" />
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Typography variant="h6" component="div" noWrap data-testid="store-name">
            {storeName}
          </Typography>
        </Box>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} data-testid="signed-in">
          <Typography component="span" sx={{ fontSize: '1.125rem', fontWeight: 700 }}>
            {session.staff.name}
          </Typography>
          <Chip
            label={t(`app.roles.${session.staff.role}`)}
            size="small"
            sx={{ bgcolor: '#fff', color: 'primary.dark', fontWeight: 700 }}
          />
        </Stack>
        <Button variant="text" onClick={onHelp} sx={{ color: '#fff' }}>
          {t('app.keys.help')}
          <KeyChip k="F1" inverted />
        </Button>
        <LanguageSwitch onDark />
        <Button variant="outlined" startIcon={<SwapHoriz />} onClick={onSwitchClerk} sx={onBlue}>
          {t('app.topbar.switchClerk')}
          <KeyChip k="F12" inverted />
        </Button>
        <Button variant="outlined" startIcon={<Logout />} onClick={onSignOut} sx={onBlue}>
          {t('app.topbar.signOut')}
        </Button>
      </Toolbar>
    </AppBar>
  );
}
