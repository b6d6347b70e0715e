/** The settings area. For now it says what is coming here; the issue that builds settings replaces this body. */
import { ComingSoon } from '../shell/coming-soon';

/** Page shown when the settings area is open. */
export function SettingsPage() {
  return <ComingSoon area="settings" />;
}
