/** The left navigation: the areas this staff member may open, each with its function key. */
import Box from '@mui/material/Box';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { KeyChip } from '../../app/key-chip';
import { AreaIcon } from './area-icon';
import type { AreaDef, AreaId } from './areas';

export const NAV_WIDTH = 248;

export interface SideNavProps {
  areas: AreaDef[];
  current: AreaId | null;
  onOpen: (area: AreaId) => void;
}

/** A vertical list; the current area is highlighted and marked aria-current. */
export function SideNav({ areas, current, onOpen }: SideNavProps) {
  const { t } = useTranslation();
  return (
    <Box
      component="nav"
      aria-label={t('app.nav.label')}
      sx={{
        width: NAV_WIDTH,
        flexShrink: 0,
        borderRight: 1,
        borderColor: 'divider',
        bgcolor: 'background.paper',
      }}
    >
      {areas.length === 0 ? (
        <Typography sx={{ p: 2 }}>{t('app.nav.none')}</Typography>
      ) : (
        <List sx={{ py: 1 }}>
          {areas.map((a) => (
            <ListItemButton
              key={a.id}
              selected={a.id === current}
              aria-current={a.id === current ? 'page' : undefined}
              data-area={a.id}
              onClick={() => onOpen(a.id)}
              sx={{
                mx: 1,
                borderRadius: 2,
                '&.Mui-selected': { bgcolor: 'primary.main', color: '#fff' },
                '&.Mui-selected:hover': { bgcolor: 'primary.dark' },
                '&.Mui-selected .MuiListItemIcon-root': { color: '#fff' },
              }}
            >
              <ListItemIcon sx={{ minWidth: 44, color: 'primary.main' }}>
                <AreaIcon area={a.id} />
              </ListItemIcon>
              <ListItemText
                primary={t(`app.nav.${a.id}`)}
                slotProps={{ primary: { sx: { fontSize: '1.125rem', fontWeight: 500 } } }}
              />
              {a.hotkey && <KeyChip k={a.hotkey} inverted={a.id === current} />}
            </ListItemButton>
          ))}
        </List>
      )}
    </Box>
  );
}
