/** One-click 中文 / English switch; the current language is the pressed one. */
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../../shared/i18n/types';
import { useLocale } from './locale-provider';

/** Two toggle buttons; `onDark` styles them for the blue top bar. */
export function LanguageSwitch({ onDark = false }: { onDark?: boolean }) {
  const { t } = useTranslation();
  const { locale, toggle } = useLocale();
  return (
    <ToggleButtonGroup
      exclusive
      size="small"
      value={locale}
      aria-label={t('app.language.label')}
      onChange={(_e, next: unknown) => {
        if (next && next !== locale) toggle();
      }}
      sx={
        onDark
          ? {
              bgcolor: 'rgba(255,255,255,0.1)',
              '& .MuiToggleButton-root': { color: '#fff', borderColor: 'rgba(255,255,255,0.5)' },
              '& .MuiToggleButton-root.Mui-selected': { bgcolor: '#fff', color: 'primary.dark' },
              '& .MuiToggleButton-root.Mui-selected:hover': { bgcolor: '#e8eefc' },
            }
          : undefined
      }
    >
      {LOCALES.map((l) => (
        <ToggleButton key={l} value={l} lang={l} sx={{ px: 2, fontWeight: 700 }}>
          {t(`app.language.${l}`)}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
