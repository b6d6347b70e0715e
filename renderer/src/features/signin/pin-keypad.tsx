/**
 * The on-screen numeric keypad for touch: large keys that type into whichever field is active.
 * Keys never take the focus away from the field, so a physical keyboard keeps working alongside.
 */
import BackspaceOutlined from '@mui/icons-material/BackspaceOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useTranslation } from 'react-i18next';

export type KeypadKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | 'clear' | 'back';

const LAYOUT: KeypadKey[] = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'back'];

/** Applies one keypad key to a field value. */
export function applyKeypad(value: string, key: KeypadKey): string {
  if (key === 'clear') return '';
  if (key === 'back') return value.slice(0, -1);
  return value + key;
}

/** A 3×4 keypad; `onKey` receives each press. */
export function PinKeypad({
  onKey,
  disabled = false,
}: {
  onKey: (key: KeypadKey) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Box
      role="group"
      aria-label={t('app.signin.keypad')}
      sx={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 1.25, userSelect: 'none' }}
    >
      {LAYOUT.map((key) => (
        <Button
          key={key}
          variant={key === 'clear' || key === 'back' ? 'outlined' : 'contained'}
          color={key === 'clear' || key === 'back' ? 'secondary' : 'primary'}
          disabled={disabled}
          tabIndex={-1}
          aria-label={
            key === 'back' ? t('app.signin.backspace') : key === 'clear' ? t('app.signin.clear') : key
          }
          data-key={key}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onKey(key)}
          sx={{ minHeight: 68, fontSize: key.length === 1 ? '1.75rem' : '1.0625rem', fontWeight: 700 }}
        >
          {key === 'back' ? <BackspaceOutlined /> : key === 'clear' ? t('app.signin.clear') : key}
        </Button>
      ))}
    </Box>
  );
}
