/** The chosen button of a toggle group in the form: filled with the primary colour, so the choice reads at a glance. */
export const SELECTED_TOGGLE = {
  '& .MuiToggleButton-root.Mui-selected': { bgcolor: 'primary.main', color: 'primary.contrastText' },
  '& .MuiToggleButton-root.Mui-selected:hover': { bgcolor: 'primary.dark' },
} as const;
