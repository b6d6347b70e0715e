/** The demo store's accounts (from app.info demoPins); a click fills in the staff code. */
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../app/session-types';

export interface DemoPinsTableProps {
  pins: AppInfo['demoPins'];
  onPick: (code: string) => void;
}

/** A table of code, name, role and PIN; rows are buttons for touch. */
export function DemoPinsTable({ pins, onPick }: DemoPinsTableProps) {
  const { t, i18n } = useTranslation();
  const roleName = (role: string) => (i18n.exists(`app.roles.${role}`) ? t(`app.roles.${role}`) : role);
  return (
    <Paper variant="outlined" sx={{ p: 2.5 }} aria-labelledby="demo-pins-title">
      <Typography id="demo-pins-title" variant="h5" component="h2" gutterBottom>
        {t('app.signin.demoTitle')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
        {t('app.signin.demoHint')}
      </Typography>
      <Table size="small" data-testid="demo-pins">
        <TableHead>
          <TableRow>
            <TableCell>{t('app.signin.demoCode')}</TableCell>
            <TableCell>{t('app.signin.demoName')}</TableCell>
            <TableCell>{t('app.signin.demoRole')}</TableCell>
            <TableCell>{t('app.signin.demoPin')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {pins.map((p) => (
            <TableRow
              key={p.code}
              hover
              onClick={() => onPick(p.code)}
              sx={{ cursor: 'pointer', height: 48 }}
            >
              <TableCell sx={{ fontWeight: 700 }}>{p.code}</TableCell>
              <TableCell>{p.name}</TableCell>
              <TableCell>{roleName(p.role)}</TableCell>
              <TableCell sx={{ fontFamily: 'monospace', fontSize: '1.0625rem' }}>{p.pin}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}
