/** The Settings screen: store settings (settings.manage edits) and backup and restore (backup.manage). */
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session-context';
import { hasAny } from '../../app/session-types';
import { BackupsPanel } from './backups-panel';
import { StoreSettingsPanel } from './store-settings-panel';

/** Page shown when the settings area is open. */
export function SettingsPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <Stack spacing={3} sx={{ p: 1 }}>
      <Typography ref={heading} tabIndex={-1} variant="h5" component="h1">
        {t('settingsUi.title')}
      </Typography>
      <StoreSettingsPanel canEdit={hasAny(session, ['settings.manage'])} />
      {hasAny(session, ['backup.manage']) && <BackupsPanel />}
    </Stack>
  );
}
