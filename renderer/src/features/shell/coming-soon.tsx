/** The page of an area that a later issue fills: what will happen there, in the UI language. */
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { AreaIcon } from './area-icon';
import type { AreaId } from './areas';

/** Area title, a "coming here" badge and the description; the heading takes the focus. */
export function ComingSoon({ area }: { area: AreaId }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [area]);
  return (
    <Paper variant="outlined" sx={{ p: 4, maxWidth: 880 }} data-area-page={area}>
      <Stack direction="row" spacing={2} sx={{ mb: 2, color: 'primary.main', alignItems: 'center' }}>
        <AreaIcon area={area} fontSize="large" />
        <Typography
          variant="h2"
          component="h1"
          ref={heading}
          tabIndex={-1}
          sx={{ color: 'text.primary', outline: 'none' }}
        >
          {t(`app.nav.${area}`)}
        </Typography>
        <Chip label={t('app.coming.title')} color="primary" variant="outlined" />
      </Stack>
      <Typography sx={{ fontSize: '1.25rem', lineHeight: 1.8 }}>{t(`app.coming.${area}`)}</Typography>
    </Paper>
  );
}
