/** The repairs area. For now it says what is coming here; the issue that builds repairs replaces this body. */
import { ComingSoon } from '../shell/coming-soon';

/** Page shown when the repairs area is open. */
export function RepairsPage() {
  return <ComingSoon area="repairs" />;
}
