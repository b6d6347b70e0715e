/** Why the customer brings a line back: the five return reasons as touch buttons. */
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { useTranslation } from 'react-i18next';
import { wrapGroupSx } from './toggle-styles';
import { RETURN_REASONS, type ReturnReason } from '../../../../shared/domain/policy/vocabulary';

/** One exclusive group; picking the chosen reason again keeps it. */
export function ReasonPicker({
  value,
  onChange,
  label,
}: {
  value: ReturnReason | null;
  onChange: (r: ReturnReason) => void;
  label: string;
}) {
  const { t } = useTranslation();
  return (
    <ToggleButtonGroup
      exclusive
      value={value}
      aria-label={label}
      onChange={(_e, v: ReturnReason | null) => {
        if (v) onChange(v);
      }}
      sx={wrapGroupSx}
    >
      {RETURN_REASONS.map((r) => (
        <ToggleButton key={r} value={r} data-reason={r} sx={{ px: 2 }}>
          {t(`policy.returnReason.${r}`)}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
