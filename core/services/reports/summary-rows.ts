/**
 * The daily summary as labelled rows: the one source of the slip, the PDF, the CSV and the screen.
 * The rows are built in shared/ (shared/contract/methods/reports-rows.ts) so the renderer shows the
 * very same rows; core's outputs import them from here.
 */
export {
  reportTranslator,
  summarySections,
  type SummaryRow,
  type SummarySection,
} from '../../../shared/contract/methods/reports-rows';
