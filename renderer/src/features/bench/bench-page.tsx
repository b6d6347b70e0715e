/** The bench area. For now it says what is coming here; the issue that builds bench replaces this body. */
import { ComingSoon } from '../shell/coming-soon';

/** Page shown when the bench area is open. */
export function BenchPage() {
  return <ComingSoon area="bench" />;
}
