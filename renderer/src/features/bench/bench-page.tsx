/** The bench area. For now it says what is coming here; the issue that builds bench replaces this body. */
import { HandOffNote } from '../../app/scan/hand-off-note';
import { ComingSoon } from '../shell/coming-soon';

/** Page shown when the bench area is open; a repair job scanned anywhere is named above it (app/scan). */
export function BenchPage() {
  return (
    <>
      <HandOffNote area="bench" />
      <ComingSoon area="bench" />
    </>
  );
}
