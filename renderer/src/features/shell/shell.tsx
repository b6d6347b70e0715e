/**
 * The signed-in app: top bar, role-filtered navigation, the open area's page, and the global
 * keys (F1 help, F2/F3/F4 areas, F8 override hint, F9 commit hint, F12 switch clerk, Esc back).
 * Scans anywhere are routed by the ScanProvider (app/scan): a badge switches clerk, a receipt or
 * repair job opens its screen with the number in the route (`#/returns?receipt=…`).
 */
import Box from '@mui/material/Box';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FALLBACK, type Hotkey } from '../../app/hotkeys';
import { useHotkey } from '../../app/hotkeys-react';
import { useAreaRouteSync, writeAreaRoute } from '../../app/scan/area-route';
import type { HandOffArea, HandOffParams } from '../../app/scan/hand-off';
import { ScanProvider, type ScanActions } from '../../app/scan/scan-provider';
import { ScanStatus } from '../../app/scan/scan-status';
import { useSession } from '../../app/session-context';
import type { SessionInfo } from '../../app/session-types';
import { QuickSwitchDialog } from '../signin/quick-switch-dialog';
import { ActionBar } from './action-bar';
import { AREA_PAGES } from './area-pages';
import { AREAS, visibleAreas, type AreaId } from './areas';
import { HelpDialog } from './help-dialog';
import { IdleLock } from './idle-lock';
import { SideNav } from './side-nav';
import { ShellNotice, type Notice } from './shell-notice';
import { TopBar } from './top-bar';
import { useAreaNavigation } from './use-area-navigation';

/** Binds one area's function key for as long as the shell is mounted. */
function AreaHotkey({ hotkey, onPress }: { hotkey: Hotkey; onPress: () => void }) {
  useHotkey(hotkey, onPress, true, FALLBACK);
  return null;
}

/** The shell for one signed-in session. */
export function Shell({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const { appInfo, signOut, signInBadge } = useSession();
  const areas = visibleAreas(session.permissions);
  const nav = useAreaNavigation(areas);
  const [dialog, setDialog] = useState<'help' | 'switch' | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  // A manager signing in is told about PIN-spraying alerts on this terminal (issue #13).
  const alerts = session.terminalAlerts;
  useEffect(() => {
    const last = alerts?.[alerts.length - 1];
    if (!alerts || !last) return;
    setNotice({
      kind: 'text',
      severity: 'warning',
      text: t('app.terminalAlert', {
        count: alerts.length,
        failures: last.failures,
        time: new Date(last.at).toLocaleString(),
      }),
    });
  }, [alerts, t]);

  const openArea = (area: AreaId) => {
    if (!nav.open(area)) {
      setNotice({
        kind: 'text',
        severity: 'warning',
        text: t('app.hints.notForRole', { area: t(`app.nav.${area}`) }),
      });
    }
  };

  useHotkey('F1', () => setDialog('help'));
  useHotkey('F12', () => setDialog('switch'));
  const override = () => setNotice({ kind: 'text', severity: 'info', text: t('app.hints.override') });
  const commit = () => setNotice({ kind: 'text', severity: 'info', text: t('app.hints.commit') });
  useHotkey('F8', override, true, FALLBACK);
  useHotkey('F9', commit, true, FALLBACK);
  useHotkey('Escape', () => void nav.back(), true, FALLBACK);

  useAreaRouteSync(nav.current);
  const openWithHandOff = useCallback(
    (area: HandOffArea, params: HandOffParams) => {
      if (!areas.some((a) => a.id === area)) return false;
      writeAreaRoute(area, params);
      return nav.open(area);
    },
    [areas, nav],
  );
  const badge = useCallback(
    (badgeText: string) => {
      void signInBadge(badgeText).then((r) => {
        if (r.ok) {
          setDialog(null);
          setNotice({
            kind: 'text',
            severity: 'success',
            text: t('app.switch.switched', { name: r.value.staff.name }),
          });
        } else setNotice({ kind: 'error', error: r.error });
      });
    },
    [signInBadge, t],
  );
  const scanActions = useMemo<ScanActions>(
    () => ({
      open: openWithHandOff,
      badge,
      notify: (n) => setNotice({ kind: 'text', severity: n.severity, text: n.text }),
    }),
    [openWithHandOff, badge],
  );

  const Page = nav.current ? AREA_PAGES[nav.current] : null;
  return (
    <ScanProvider actions={scanActions}>
      <Box sx={{ height: '100vh', display: 'flex', flexDirection: 'column' }}>
        <TopBar
          storeName={appInfo?.store.name ?? ''}
          session={session}
          onHelp={() => setDialog('help')}
          onSwitchClerk={() => setDialog('switch')}
          onSignOut={() => void signOut()}
        />
        <Box sx={{ flex: 1, display: 'flex', minHeight: 0 }}>
          <SideNav areas={areas} current={nav.current} onOpen={openArea} />
          <Box component="main" sx={{ flex: 1, overflow: 'auto', p: 4, bgcolor: 'background.default' }}>
            {Page && <Page />}
          </Box>
        </Box>
        <ActionBar
          canGoBack={nav.canGoBack}
          onBack={() => void nav.back()}
          onOverride={override}
          onCommit={commit}
          status={<ScanStatus />}
        />
        {AREAS.map(
          (a) => a.hotkey && <AreaHotkey key={a.id} hotkey={a.hotkey} onPress={() => openArea(a.id)} />,
        )}
        <HelpDialog
          open={dialog === 'help'}
          allowed={areas.map((a) => a.id)}
          onClose={() => setDialog(null)}
        />
        <QuickSwitchDialog
          open={dialog === 'switch'}
          currentCode={session.staff.code}
          onClose={() => setDialog(null)}
          onSwitched={(name) => {
            setDialog(null);
            setNotice({ kind: 'text', severity: 'success', text: t('app.switch.switched', { name }) });
          }}
        />
        <ShellNotice notice={notice} onClose={() => setNotice(null)} />
        <IdleLock session={session} />
      </Box>
    </ScanProvider>
  );
}
