/** Intake, what the customer leaves: accessories, and for devices with a lock the passcode policy. */
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { repairCategory } from '../../../../shared/domain/repairs/categories';
import type { IntakeState } from './intake-state';
import type { IntakePartProps } from './intake-section';

export function IntakeAccessories({ s, set }: IntakePartProps) {
  const { t } = useTranslation();
  const cat = repairCategory(s.categoryCode);
  return (
    <>
      <Typography variant="subtitle2">{t('repairsUi.intake.accessories')}</Typography>
      <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap' }}>
        {cat.accessories.map((a) => (
          <FormControlLabel
            key={a}
            control={
              <Checkbox
                checked={s.accessories.includes(a)}
                onChange={(e) =>
                  set({
                    accessories: e.target.checked
                      ? [...s.accessories, a]
                      : s.accessories.filter((x) => x !== a),
                  })
                }
              />
            }
            label={t(`repairs.accessory.${a}`)}
          />
        ))}
      </Stack>
      {cat.hasPasscode && (
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <TextField
            select
            label={t('repairsUi.intake.passcode')}
            value={s.passcodePolicy}
            onChange={(e) => set({ passcodePolicy: e.target.value as IntakeState['passcodePolicy'] })}
            sx={{ minWidth: 380 }}
          >
            {(['customer_removed', 'stored_encrypted', 'none'] as const).map((p) => (
              <MenuItem key={p} value={p}>
                {t(`repairs.passcodePolicy.${p}`)}
              </MenuItem>
            ))}
          </TextField>
          {s.passcodePolicy === 'stored_encrypted' && (
            <TextField
              type="password"
              label={t('repairsUi.intake.passcodeValue')}
              value={s.passcode}
              onChange={(e) => set({ passcode: e.target.value })}
              autoComplete="off"
            />
          )}
        </Stack>
      )}
    </>
  );
}
