/** One clickable figure of a report: label and number; a click opens the records behind it. */
import ButtonBase from '@mui/material/ButtonBase';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';

export interface FigureButtonProps {
  id: string;
  label: string;
  value: string | number;
  selected?: boolean;
  onOpen?(): void;
}

/** A tile with a big number; keyboard and mouse operable, at least 48 px tall. */
export function FigureButton({ id, label, value, selected = false, onOpen }: FigureButtonProps) {
  return (
    <Paper
      variant="outlined"
      sx={{ borderColor: selected ? 'primary.main' : undefined, borderWidth: selected ? 2 : 1 }}
    >
      <ButtonBase
        onClick={onOpen}
        disabled={!onOpen}
        data-figure={id}
        aria-pressed={selected}
        sx={{ p: 2, minWidth: 150, minHeight: 48, flexDirection: 'column', alignItems: 'flex-start' }}
      >
        <Typography variant="body2" color="text.secondary">
          {label}
        </Typography>
        <Typography variant="h4" component="span" data-figure-value>
          {value}
        </Typography>
      </ButtonBase>
    </Paper>
  );
}
