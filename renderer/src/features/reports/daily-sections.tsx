/**
 * Every section of the daily summary exactly as the slip, the PDF and the CSV print it: the rows
 * come from the same builder (shared/contract/methods/reports-rows.ts), so the screen cannot show
 * another number than the paper.
 */
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { SummarySection } from '../../../../shared/contract/methods/reports-rows';

/** The sections as small tables in a responsive grid. */
export function DailySections({ sections }: { sections: SummarySection[] }) {
  const { t } = useTranslation();
  return (
    <Box
      data-testid="daily-sections"
      sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr', xl: '1fr 1fr 1fr' } }}
    >
      {sections.map((sec) => (
        <Paper key={sec.id} variant="outlined" sx={{ p: 2 }} data-summary-section={sec.id}>
          <Typography variant="h6" component="h3" sx={{ mb: 0.5 }}>
            {sec.title}
          </Typography>
          {sec.rows.length === 0 ? (
            <Typography color="text.secondary">{t('report.none')}</Typography>
          ) : (
            <Table size="small" aria-label={sec.title}>
              <TableBody>
                {sec.rows.map((r) => (
                  <TableRow key={r.id} data-summary-row={r.id}>
                    <TableCell component="th" scope="row" sx={{ pl: 0 }} data-label>
                      {r.label}
                    </TableCell>
                    <TableCell align="right" sx={{ pr: 0, fontVariantNumeric: 'tabular-nums' }} data-value>
                      {r.value}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Paper>
      ))}
    </Box>
  );
}
