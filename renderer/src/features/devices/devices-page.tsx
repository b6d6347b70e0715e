/** The devices area. For now it says what is coming here; the issue that builds devices replaces this body. */
import { ComingSoon } from '../shell/coming-soon';

/** Page shown when the devices area is open. */
export function DevicesPage() {
  return <ComingSoon area="devices" />;
}
