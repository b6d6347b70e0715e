/** The reports area: managers get the daily summary and KPIs (and their own shift); other staff get "my shift" only. */
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { businessDay } from '../../../../shared/domain/time/business-day';
import { useSession } from '../../app/session-context';
import { hasAny } from '../../app/session-types';
import { AreaIcon } from '../shell/area-icon';
import { DailyPanel } from './daily-panel';
import { KpiPanel } from './kpi-panel';
import { MyShiftPanel } from './my-shift-panel';

type TabId = 'daily' | 'kpi' | 'myShift';

/** Page shown when the reports area is open. */
export function ReportsPage() {
  const { t } = useTranslation();
  const { session, appInfo } = useSession();
  // Tabs by permission (core checks them again on every call).
  const tabs: TabId[] = [
    ...(hasAny(session, ['reports.daily']) ? (['daily'] as const) : []),
    ...(hasAny(session, ['reports.kpi']) ? (['kpi'] as const) : []),
    ...(hasAny(session, ['reports.own-shift']) ? (['myShift'] as const) : []),
  ];
  const [tab, setTab] = useState<TabId>(tabs[0] ?? 'myShift');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const zone = appInfo?.store.timeZone ?? 'Asia/Shanghai';
  const today = businessDay(Date.now(), zone);
  return (
    <Stack spacing={2} data-area-page="reports" sx={{ maxWidth: 1280 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', color: 'primary.main' }}>
        <AreaIcon area="reports" fontSize="large" />
        <Typography
          variant="h2"
          component="h1"
          ref={heading}
          tabIndex={-1}
          sx={{ color: 'text.primary', outline: 'none' }}
        >
          {t('reports.ui.title')}
        </Typography>
      </Stack>
      <Tabs value={tab} onChange={(_e, v: TabId) => setTab(v)}>
        {tabs.map((id) => (
          <Tab key={id} value={id} label={t(`reports.ui.tabs.${id}`)} sx={{ minHeight: 48 }} />
        ))}
      </Tabs>
      <Paper variant="outlined" sx={{ p: 2 }}>
        {tab === 'daily' && <DailyPanel zone={zone} today={today} />}
        {tab === 'kpi' && <KpiPanel zone={zone} today={today} />}
        {tab === 'myShift' && <MyShiftPanel />}
      </Paper>
    </Stack>
  );
}
