/** Intake, condition: the category's checklist (ok / scratched / … per item) and photos. */
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { CONDITION_STATES, repairCategory } from '../../../../shared/domain/repairs/categories';
import type { IntakePartProps } from './intake-section';
import { PhotoPicker } from './photo-picker';

export function IntakeCondition({ s, set }: IntakePartProps) {
  const { t } = useTranslation();
  const cat = repairCategory(s.categoryCode);
  return (
    <>
      {cat.checklist.map((item) => (
        <Stack key={item} direction="row" spacing={2} sx={{ alignItems: 'center' }} data-condition={item}>
          <Typography sx={{ minWidth: 240 }}>{t(`repairs.condition.${item}`)}</Typography>
          <ToggleButtonGroup
            exclusive
            size="small"
            value={s.condition[item] ?? 'ok'}
            onChange={(_e, v: (typeof CONDITION_STATES)[number] | null) =>
              v && set({ condition: { ...s.condition, [item]: v } })
            }
          >
            {CONDITION_STATES.map((st) => (
              <ToggleButton key={st} value={st} sx={{ minWidth: 88, minHeight: 44 }}>
                {t(`repairs.conditionState.${st}`)}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
        </Stack>
      ))}
      <PhotoPicker photos={s.photos} onChange={(photos) => set({ photos })} />
    </>
  );
}
