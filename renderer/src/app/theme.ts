/**
 * The counter's MUI theme: light and high-contrast for a bright shop floor, large type, touch
 * targets of at least 48 px, a confident blue, and the bundled Noto Sans SC for Chinese.
 */
import { createTheme, type Theme } from '@mui/material/styles';

export const FONT_STACK = "'Noto Sans SC', system-ui, sans-serif";
/** Minimum height/width of anything a finger presses. */
export const TOUCH_TARGET_PX = 48;

/** Builds the theme (one light theme; the counter has no dark mode). */
export function createCounterTheme(): Theme {
  return createTheme({
    palette: {
      mode: 'light',
      primary: { main: '#0b57d0', dark: '#0842a0', light: '#4c8df6', contrastText: '#ffffff' },
      secondary: { main: '#334155', contrastText: '#ffffff' },
      error: { main: '#b3261e' },
      warning: { main: '#a15c00' },
      success: { main: '#146c2e' },
      background: { default: '#f4f6fa', paper: '#ffffff' },
      text: { primary: '#111827', secondary: '#374151' },
      divider: '#cbd2dc',
    },
    shape: { borderRadius: 10 },
    typography: {
      fontFamily: FONT_STACK,
      fontSize: 16,
      htmlFontSize: 16,
      h1: { fontSize: '2.25rem', fontWeight: 700 },
      h2: { fontSize: '1.875rem', fontWeight: 700 },
      h3: { fontSize: '1.5rem', fontWeight: 700 },
      h4: { fontSize: '1.375rem', fontWeight: 700 },
      h5: { fontSize: '1.25rem', fontWeight: 500 },
      h6: { fontSize: '1.125rem', fontWeight: 500 },
      body1: { fontSize: '1.0625rem', lineHeight: 1.6 },
      body2: { fontSize: '1rem', lineHeight: 1.55 },
      button: { fontSize: '1.0625rem', fontWeight: 500, textTransform: 'none' },
    },
    components: {
      MuiButton: {
        defaultProps: { disableElevation: true },
        styleOverrides: { root: { minHeight: TOUCH_TARGET_PX, paddingInline: 20 } },
      },
      MuiIconButton: { styleOverrides: { root: { minWidth: TOUCH_TARGET_PX, minHeight: TOUCH_TARGET_PX } } },
      MuiListItemButton: { styleOverrides: { root: { minHeight: 56 } } },
      MuiToggleButton: { styleOverrides: { root: { minHeight: TOUCH_TARGET_PX, textTransform: 'none' } } },
      MuiOutlinedInput: { styleOverrides: { input: { fontSize: '1.25rem', paddingBlock: 14 } } },
      MuiTableCell: { styleOverrides: { root: { fontSize: '1rem' } } },
      MuiAlert: { styleOverrides: { root: { fontSize: '1.0625rem', alignItems: 'center' } } },
    },
  });
}
