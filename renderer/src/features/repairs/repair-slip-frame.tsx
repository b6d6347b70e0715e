/** A repair document (intake receipt, shelf tag, pickup slip) as the printer's HTML preview (rendered by core) in a sandboxed frame. */
import Box from '@mui/material/Box';

/** The preview; `testId` names the frame for tests. */
export function RepairSlipFrame({
  html,
  title,
  testId,
  height = 520,
}: {
  html: string;
  title: string;
  testId: string;
  height?: number;
}) {
  return (
    <Box
      component="iframe"
      title={title}
      sandbox=""
      srcDoc={html}
      data-testid={testId}
      sx={{
        width: 470,
        height,
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        bgcolor: '#fff',
        display: 'block',
      }}
    />
  );
}
