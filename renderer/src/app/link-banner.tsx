/** Says plainly when the link to CounterDesk is not open, and what to do about it. */
import Alert from '@mui/material/Alert';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LinkStatus } from '../api/transport';

const STUCK_AFTER_MS = 5000;

/** Nothing while the link is open; otherwise a banner with the reason. */
export function LinkBanner({ link }: { link: LinkStatus }) {
  const { t } = useTranslation();
  const [stuck, setStuck] = useState(false);
  useEffect(() => {
    setStuck(false);
    if (link !== 'connecting' && link !== 'reconnecting') return undefined;
    const timer = setTimeout(() => setStuck(true), STUCK_AFTER_MS);
    return () => clearTimeout(timer);
  }, [link]);
  if (link === 'open') return null;
  const text =
    link === 'no-token' ? t('app.link.noToken') : stuck ? t('app.link.stuck') : t(`app.link.${link}`);
  return (
    <Alert
      severity={link === 'no-token' || stuck ? 'error' : 'warning'}
      square
      role="status"
      data-link={link}
    >
      {text}
    </Alert>
  );
}
