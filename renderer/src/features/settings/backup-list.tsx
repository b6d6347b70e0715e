/** The stored backups, newest first, each with Verify and Restore… buttons. */
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { BackupStatus } from './use-backups';

export type StoredBackupRow = BackupStatus['backups'][number];

/** `12.3 MB` / `840 KB` for a byte count. */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Table of backups; `onVerify` / `onRestore` act on one row. */
export function BackupList({
  backups,
  busy,
  time,
  onVerify,
  onRestore,
}: {
  backups: readonly StoredBackupRow[];
  busy: boolean;
  time: (ms: number) => string;
  onVerify: (b: StoredBackupRow) => void;
  onRestore: (b: StoredBackupRow) => void;
}) {
  const { t } = useTranslation();
  if (backups.length === 0)
    return <Typography color="text.secondary">{t('settingsUi.backup.none')}</Typography>;
  return (
    <Table size="small" aria-label={t('settingsUi.backup.list')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('settingsUi.backup.colTime')}</TableCell>
          <TableCell>{t('settingsUi.backup.colKind')}</TableCell>
          <TableCell align="right">{t('settingsUi.backup.colSize')}</TableCell>
          <TableCell align="right">{t('settingsUi.backup.colActions')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {backups.map((b) => (
          <TableRow key={b.name} data-backup={b.name}>
            <TableCell title={b.name}>{time(b.at)}</TableCell>
            <TableCell>{t(`settingsUi.backup.kind.${b.kind}`)}</TableCell>
            <TableCell align="right">{sizeText(b.bytes)}</TableCell>
            <TableCell align="right">
              <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
                <Button disabled={busy} onClick={() => onVerify(b)} sx={{ minHeight: 44 }}>
                  {t('settingsUi.backup.verify')}
                </Button>
                <Button disabled={busy} color="warning" onClick={() => onRestore(b)} sx={{ minHeight: 44 }}>
                  {t('settingsUi.backup.restore')}
                </Button>
              </Stack>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
