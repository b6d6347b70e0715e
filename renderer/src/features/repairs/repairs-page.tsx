/** The repairs area. For now it says what is coming here; the issue that builds repairs replaces this body. */
import { HandOffNote } from '../../app/scan/hand-off-note';
import { ComingSoon } from '../shell/coming-soon';

/** Page shown when the repairs area is open; a repair job scanned anywhere is named above it (app/scan). */
export function RepairsPage() {
  return (
    <>
      <HandOffNote area="repairs" />
      <ComingSoon area="repairs" />
    </>
  );
}
