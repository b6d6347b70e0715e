/** The returns area. For now it says what is coming here; the issue that builds returns replaces this body. */
import { ComingSoon } from '../shell/coming-soon';

/** Page shown when the returns area is open. */
export function ReturnsPage() {
  return <ComingSoon area="returns" />;
}
