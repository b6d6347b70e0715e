/** Styles shared by the screen's choice buttons: groups that wrap as separate, evenly spaced buttons. */

/** ToggleButtonGroup sx: buttons keep their own border and radius, with gaps, so a wrapped row still looks right. */
export const wrapGroupSx = {
  flexWrap: 'wrap',
  gap: 1,
  '& .MuiToggleButtonGroup-grouped': {
    m: 0,
    border: '1px solid',
    borderColor: 'divider',
    borderRadius: 1.25,
    color: 'text.primary',
  },
  '& .MuiToggleButtonGroup-grouped:not(:first-of-type)': {
    ml: 0,
    borderLeft: '1px solid',
    borderLeftColor: 'divider',
  },
  '& .MuiToggleButtonGroup-grouped.Mui-selected': {
    bgcolor: 'primary.main',
    color: '#fff',
    borderColor: 'primary.main',
  },
  '& .MuiToggleButtonGroup-grouped.Mui-selected:hover': { bgcolor: 'primary.dark' },
} as const;
