/** A keycap label ("F2", "Esc", "Enter") shown on buttons so the keyboard path is visible. */
import Box from '@mui/material/Box';

/** Renders one key name as a small keycap. */
export function KeyChip({ k, inverted = false }: { k: string; inverted?: boolean }) {
  return (
    <Box
      component="kbd"
      aria-hidden
      sx={{
        ml: 1,
        px: 0.75,
        py: 0.125,
        minWidth: 28,
        borderRadius: 1,
        border: '1px solid',
        borderColor: inverted ? 'rgba(255,255,255,0.7)' : 'divider',
        bgcolor: inverted ? 'rgba(255,255,255,0.12)' : 'background.default',
        color: 'inherit',
        fontFamily: 'inherit',
        fontSize: '0.8125rem',
        fontWeight: 700,
        lineHeight: 1.6,
        textAlign: 'center',
      }}
    >
      {k}
    </Box>
  );
}
