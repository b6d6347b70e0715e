/** Large buttons, one per staff member, for the quick switch. */
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { StaffList } from './use-staff-list';

export interface StaffPickerProps {
  staff: StaffList;
  currentCode: string | null;
  onPick: (member: StaffList[number]) => void;
}

/** A grid of staff buttons; the first one takes the focus. */
export function StaffPicker({ staff, currentCode, onPick }: StaffPickerProps) {
  const { t } = useTranslation();
  if (staff.length === 0) return <Typography>{t('app.switch.empty')}</Typography>;
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))', gap: 1.5 }}>
      {staff.map((s, i) => (
        <Button
          key={s.id}
          autoFocus={i === 0}
          variant={s.code === currentCode ? 'contained' : 'outlined'}
          onClick={() => onPick(s)}
          data-staff-code={s.code}
          sx={{ minHeight: 84, flexDirection: 'column', alignItems: 'flex-start', textAlign: 'left' }}
        >
          <Typography component="span" sx={{ fontSize: '1.25rem', fontWeight: 700 }}>
            {s.name}
          </Typography>
          <Typography component="span" variant="body2">
            {s.code} · {t(`app.roles.${s.role}`)}
          </Typography>
        </Button>
      ))}
    </Box>
  );
}
