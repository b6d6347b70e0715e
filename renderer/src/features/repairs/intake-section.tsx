/** The frame every part of the intake form sits in, and the props the parts share. */
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { IntakeState } from './intake-state';

/** A part of the form: the intake so far and a patch setter. */
export interface IntakePartProps {
  s: IntakeState;
  set: (patch: Partial<IntakeState>) => void;
}

/** A titled paper section with its fields stacked. */
export function IntakeSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper sx={{ p: 2 }}>
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700, mb: 1.5 }}>
        {title}
      </Typography>
      <Stack spacing={2}>{children}</Stack>
    </Paper>
  );
}
